import CMacroTriggers

public enum MacroTriggers {
    public static func barrier(_ value: UInt) -> UInt { UInt(capcheck_macro_asm(UInt(value))) }
    public static func rawOpen() -> Int { Int(capcheck_macro_syscall()) }
    public static func headerUsers() -> Int32 { capcheck_header_user_one() + capcheck_header_user_two() }
    public static func setting() -> String? { capcheck_macro_setting().map { String(cString: $0) } }
}
