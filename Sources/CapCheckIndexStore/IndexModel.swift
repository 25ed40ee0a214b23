import CapCheckSupport
import CapCheckModel

/// Plain values read out of the index store: what the call-graph stage consumes.

/// Role bits of an occurrence or a relation (`indexstore_symbol_role_t`).
/// Kept in 32 bits (the store's roles go up to bit 20): a large graph holds a million occurrences and as many relations.
public struct SymbolRoles: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// The roles as the store gives them (`indexstore_symbol_role_t`).
    public init(store roles: UInt64) { self.rawValue = UInt32(truncatingIfNeeded: roles) }

    public static let declaration = SymbolRoles(rawValue: 1 << 0)
    public static let definition = SymbolRoles(rawValue: 1 << 1)
    public static let reference = SymbolRoles(rawValue: 1 << 2)
    public static let read = SymbolRoles(rawValue: 1 << 3)
    public static let write = SymbolRoles(rawValue: 1 << 4)
    public static let call = SymbolRoles(rawValue: 1 << 5)
    public static let dynamic = SymbolRoles(rawValue: 1 << 6)
    public static let addressOf = SymbolRoles(rawValue: 1 << 7)
    public static let implicit = SymbolRoles(rawValue: 1 << 8)
    public static let childOf = SymbolRoles(rawValue: 1 << 9)
    public static let baseOf = SymbolRoles(rawValue: 1 << 10)
    public static let overrideOf = SymbolRoles(rawValue: 1 << 11)
    public static let receivedBy = SymbolRoles(rawValue: 1 << 12)
    public static let calledBy = SymbolRoles(rawValue: 1 << 13)
    public static let extendedBy = SymbolRoles(rawValue: 1 << 14)
    public static let accessorOf = SymbolRoles(rawValue: 1 << 15)
    public static let containedBy = SymbolRoles(rawValue: 1 << 16)
    /// A C++ explicit specialisation of the related template (`template <> int tweak<int>(int)`).
    public static let specializationOf = SymbolRoles(rawValue: 1 << 18)
}

/// One symbol as a record names it.
public struct IndexSymbol: Sendable {
    public let usr: String
    public let name: String
    public let subkind: UInt32
    public let kind: SymbolKind
    public let language: SymbolLanguage

    /// A C-family symbol (clang USR `c:…`), whichever language's record names it.
    public var isClang: Bool { usr.hasPrefix("c:") }

    /// The C name from a clang USR: `c:@F@socket` → `socket`, `c:sock.c@F@helper` → `helper`, `c:@environ` → `environ`.
    public var clangName: String {
        if let range = usr.range(of: "@F@", options: .backwards) { return String(usr[range.upperBound...]) }
        if let range = usr.range(of: "@", options: .backwards) { return String(usr[range.upperBound...]) }
        return name
    }

    package init(usr: String, name: String, kind: SymbolKind, subkind: UInt32, language: SymbolLanguage) {
        self.usr = usr
        self.name = name
        self.kind = kind
        self.subkind = subkind
        self.language = language
    }
}

/// A relation of an occurrence to another symbol of the same record (an index into `IndexRecord.symbols`).
public struct IndexRelation: Sendable {
    public let roles: SymbolRoles
    public let symbol: Int32

    package init(roles: SymbolRoles, symbol: Int32) {
        self.roles = roles
        self.symbol = symbol
    }
}

/// One occurrence of a symbol in a source file. Its relations are a range of the record's `relations` (one
/// flat array per record, not one array per occurrence: a million small allocations less on a large graph).
public struct IndexOccurrence: Sendable {
    public let symbol: Int32
    public let roles: SymbolRoles
    public let line: UInt32
    public let column: UInt32
    package let relationStart: Int32
    package let relationCount: Int32

    public init(symbol: Int32, roles: SymbolRoles, line: UInt32, column: UInt32, relationStart: Int32 = 0, relationCount: Int32 = 0) {
        self.symbol = symbol
        self.roles = roles
        self.line = line
        self.column = column
        self.relationStart = relationStart
        self.relationCount = relationCount
    }
}

/// Everything one record (one source file or header version) says.
public struct IndexRecord: Sendable {
    public let name: String
    /// The source file the record describes.
    public let filePath: String
    /// The module of the (newest) unit that listed this record first.
    public let moduleName: String
    public let symbols: [IndexSymbol]
    public let occurrences: [IndexOccurrence]
    /// The relations of all occurrences, each occurrence's in one run.
    public let relations: [IndexRelation]

    public init(name: String, filePath: String, moduleName: String, symbols: [IndexSymbol], occurrences: [IndexOccurrence],
                relations: [IndexRelation] = []) {
        self.name = name
        self.filePath = filePath
        self.moduleName = moduleName
        self.symbols = symbols
        self.occurrences = occurrences
        self.relations = relations
    }

    /// The relations of one of this record's occurrences.
    public func relations(of occurrence: IndexOccurrence) -> ArraySlice<IndexRelation> {
        relations[Int(occurrence.relationStart)..<Int(occurrence.relationStart + occurrence.relationCount)]
    }
}

/// One compilation unit: which module it built and which records it lists.
public struct IndexUnit: Sendable {
    public let name: String
    public let moduleName: String
    public let mainFile: String
    public let outputFile: String
    public let modificationTime: Double
    public let records: [(name: String, filePath: String)]
    /// Every file the compilation read (the source and each header, with or without a record), and whether it is
    /// a system file (toolchain or SDK).
    public let files: [(path: String, isSystem: Bool)]

    package init(name: String, moduleName: String, mainFile: String, outputFile: String, modificationTime: Double, records: [(name: String, filePath: String)], files: [(path: String, isSystem: Bool)]) {
        self.name = name
        self.moduleName = moduleName
        self.mainFile = mainFile
        self.outputFile = outputFile
        self.modificationTime = modificationTime
        self.records = records
        self.files = files
    }
}
