import CHeaderOnly

public enum HeaderOnly {
    public static func openIt(_ path: String) -> Int32 { capcheck_inline_open(path) }
    public static func removeIt(_ path: String) -> Int32 { capcheck_header_unlink(path) }
}
