/// A macro the index records as expanded at a place of a C-family source: its name and where it is defined (the file
/// of the unit whose name the macro's USR gives, `c:file.cc@1900@macro@name`, and the byte offset of the name in its
/// `#define`); no file for a built-in, command-line or unresolvable definition.
public struct MacroReference: Sendable, Hashable {
    public let name: String
    public let definitionFile: String?
    public let definitionOffset: Int?

    public init(name: String, definitionFile: String?, definitionOffset: Int?) {
        self.name = name
        self.definitionFile = definitionFile
        self.definitionOffset = definitionOffset
    }
}

/// The macros expanded at each place of one C-family source, from its index record. A call written `f(x)` passes `x`
/// to `f` only when no macro is expanded at `f`, or only macros that are other names for `f`: a function-like macro
/// named `f` may pass anything.
public struct MacroExpansions: Sendable {
    private let byPosition: [Int64: [MacroReference]]?

    /// `byPosition` by `line << 32 | column`; nil when the source has no index record (nothing is known).
    public init(byPosition: [Int64: [MacroReference]]?) { self.byPosition = byPosition }

    /// A source no macro is expanded in (for tests of plain text).
    public static let none = MacroExpansions(byPosition: [:])
    /// A source without an index record.
    public static let unknown = MacroExpansions(byPosition: nil)

    /// The macros expanded at `line`:`column`; nil when the source's record is unknown.
    public func at(line: Int, column: Int) -> [MacroReference]? {
        byPosition.map { $0[Int64(line) << 32 | Int64(column)] ?? [] }
    }

    /// The macros expanded from `start` to `end` (positions as `position(line:column:)` makes them, inclusive); nil
    /// when the source's record is unknown.
    public func within(_ start: Int64, _ end: Int64) -> [MacroReference]? {
        byPosition.map { positions in positions.filter { $0.key >= start && $0.key <= end }.flatMap(\.value) }
    }

    public static func position(line: Int, column: Int) -> Int64 { Int64(line) << 32 | Int64(column) }
}

/// What the index records at each place of a source, read on demand (`CapCheckIndexStore.MacroReferences`): the macros
/// expanded in a C-family source, and the declarations a Swift source refers to.
public protocol MacroLookup: Sendable {
    func expansions(inFile path: String) -> MacroExpansions
    /// The USRs of every declaration the index records a reference to at each place of a Swift source (by
    /// `MacroExpansions.position(line:column:)`); nil when the source has no index record.
    func references(inFile path: String) -> [Int64: [String]]?
}

/// The lookup when no index records are at hand: nothing is known of any source, so no C call's arguments are read.
public struct NoMacroRecords: MacroLookup {
    public init() {}
    public func expansions(inFile path: String) -> MacroExpansions { .unknown }
    public func references(inFile path: String) -> [Int64: [String]]? { nil }
}
