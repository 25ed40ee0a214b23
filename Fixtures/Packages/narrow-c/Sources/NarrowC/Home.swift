import CNarrow

public enum Home {
    public static func folder() -> Bool { narrow_c_home() != nil }
    public static func other() -> Bool { narrow_c_lookup("NARROW_C_OTHER") != nil }
    public static func indirect() -> Bool { narrow_c_indirect(1) != nil }
    public static func ping() -> Bool { narrow_c_connect() == 0 }
}
