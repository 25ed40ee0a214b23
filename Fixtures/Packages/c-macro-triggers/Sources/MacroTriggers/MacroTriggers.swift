import CMacroTriggers

public enum MacroTriggers {
    public static func barrier(_ value: UInt) -> UInt { UInt(capcheck_macro_asm(UInt(value))) }
    public static func rawOpen() -> Int { Int(capcheck_macro_syscall()) }
    public static func headerUsers() -> Int32 { capcheck_header_user_one() + capcheck_header_user_two() }
    public static func setting() -> String? { capcheck_macro_setting().map { String(cString: $0) } }
    public static func recordPrefilterCases() -> Int {
        Int(capcheck_record_paste(1)) + capcheck_record_quiet() + capcheck_record_quiet_two() + capcheck_record_loud() + capcheck_record_block()
            + capcheck_record_member()
    }
    public static func coveringCutCases() -> Int { Int(capcheck_cut_covered(1)) + capcheck_cut_later() + Int(capcheck_cut_renumbered(1)) }
}
