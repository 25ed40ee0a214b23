import CNarrow

public enum Home {
    public static func folder() -> Bool { narrow_c_home() != nil }
    public static func other() -> Bool { narrow_c_lookup("NARROW_C_OTHER") != nil }
    public static func indirect() -> Bool { narrow_c_indirect(1) != nil }
    public static func ping() -> Bool { narrow_c_connect() == 0 }
    public static func macro() -> Bool { narrow_c_through_macro("NARROW_C_MACRO") != nil }
    public static func alias() -> Bool { narrow_c_alias() != nil }
    public static func rawOpen() -> Bool { narrow_c_raw_open() >= 0 }
    public static func setBoth() -> Bool { narrow_c_set_both() == 0 }
    public static func openVersion() -> Bool { narrow_c_open_version() >= 0 }
}
