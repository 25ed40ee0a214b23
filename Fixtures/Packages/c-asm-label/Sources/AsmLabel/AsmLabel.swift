import CAsmLabel

public enum AsmLabel {
    /// Opens a file through the renamed declaration, straight from Swift.
    public static func quietOpen(_ path: String) -> Int32 { capcheck_quiet_open(path, 0) }
    /// Opens a file through a C function that calls the renamed declaration.
    public static func probe() -> Int32 { capcheck_label_probe() }
    /// Removes a folder through a table, and reads the environment, both under names an asm label gives.
    public static func tables() -> Int32 { capcheck_table_probe() }
    /// Makes a folder through a call `.symver` renames.
    public static func versioned() -> Int32 { capcheck_symver_probe() }
    /// Changes the current folder through a call a header's `.symver` renames.
    public static func headerVersioned() -> Int32 { capcheck_header_symver_probe() + capcheck_header_noop() }
    /// Removes a file through a declaration only Swift's view of the header labels.
    public static func swiftOnly() -> Int32 { capcheck_swift_only_probe() }
}
