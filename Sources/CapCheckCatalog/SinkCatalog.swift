import CapCheckSupport
import CapCheckModel
import Foundation

/// The catalog of toolchain APIs that need a capability, loaded from the JSON resources in
/// `CapCheckCatalog/Resources/` (one file per toolchain area, see docs/catalog.md) plus the user sinks of the policy.
///
/// Every lookup is a hash lookup: a Swift symbol's USR (for overloads told apart only by type), then its
/// member keys (`Foundation:FileManager.createFile(atPath:contents:attributes:)`, `Foundation:FileManager.createFile`),
/// then each enclosing type (whole types such as `Swift:UnsafePointer`), then its type's member default.
public struct SinkCatalog: Sendable {
    /// A member key's classification: a capability, or nil for a listed pure member.
    private struct MemberEntry {
        package let capability: Capability?
    }

    private var overloads: [String: MemberEntry] = [:]
    private var members: [String: MemberEntry] = [:]
    private var wholeTypes: [String: Capability] = [:]
    private var memberDefaults: [String: Capability] = [:]
    /// A C function's capabilities, in `Capability.builtIn` order (one function may need several).
    private var cFunctions: [String: [Capability]] = [:]
    private var cVariables: [String: Capability] = [:]
    private var cPure = Set<String>()
    /// Every name the C library list (`libc.json`) holds: functions, pure or not, and variables.
    private var cLibraryNames = Set<String>()
    private var cPurePrefixes = Set<String>()
    private var cPurePrefixLengths = Set<Int>()
    /// Per system library (a module map's `link` name), what calling into it can do: the capability and a phrase.
    public private(set) var systemLibraries: [String: [(capability: Capability, does: String)]] = [:]
    /// The SHA-256 of the bundled resources the catalog was read from (part of the analysis snapshot's key: the
    /// Swift source scan looks for the catalog's names).
    public private(set) var resourceDigest = ""
    /// The toolchains the generated areas were made from (each file's `toolchain`).
    private var toolchains = Set<String>()
    /// Whether the program can fetch a URL through Foundation's file loaders (`RemoteURLLoaders`): set for a graph that
    /// links or may load FoundationNetworking.
    package var programFetchesURLs = false

    /// The toolchain the catalog was generated from (`swift --version`'s first line), as reports name it: the
    /// generated files' `toolchain`, several separated by `; ` should they ever differ; nil before any is loaded.
    public var toolchain: String? { toolchains.isEmpty ? nil : toolchains.sorted().joined(separator: "; ") }

    /// Module families: the re-exports and platform names under which one API appears.
    public static let families: [String: String] = [
        "Foundation": "Foundation", "FoundationEssentials": "Foundation", "FoundationNetworking": "Foundation",
        "FoundationXML": "Foundation", "FoundationInternationalization": "Foundation", "CoreFoundation": "Foundation",
        "Swift": "Swift", "_Concurrency": "Swift", "_StringProcessing": "Swift", "Synchronization": "Swift",
        "Glibc": "libc", "SwiftGlibc": "libc", "Musl": "libc", "Darwin": "libc", "ucrt": "libc", "WASILibc": "libc", "Android": "libc",
        "Dispatch": "Dispatch",
    ]

    /// The generated Swift areas, then the reviewed C library list.
    package static let resourceFiles = ["stdlib", "foundation", "dispatch"]

    /// The catalog shipped with capcheck.
    public static func bundled() throws -> SinkCatalog {
        var catalog = SinkCatalog()
        var hasher = SHA256()
        for file in resourceFiles + ["libc", "system-libraries"] {
            guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Resources") else {
                throw CapCheckError(.toolchain, "capcheck's sink catalog resource \(file).json is missing from its bundle; reinstall capcheck")
            }
            do {
                let data = try Data(contentsOf: url)
                hasher.update(field: file)
                hasher.update(data)
                if file == "libc" {
                    let list = try JSONDecoder().decode(CLibraryCatalogFile.self, from: data)
                    catalog.load(list)
                    catalog.cLibraryNames = Set(list.functions.values.joined()).union(list.variables.values.joined()).union(list.pure)
                } else if file == "system-libraries" {
                    catalog.load(try JSONDecoder().decode(SystemLibraryCatalogFile.self, from: data))
                } else {
                    catalog.load(try JSONDecoder().decode(CatalogFile.self, from: data))
                }
            } catch let error as DecodingError {
                throw CapCheckError(.toolchain, "capcheck's sink catalog resource \(file).json is malformed (\(error)); reinstall capcheck")
            }
        }
        catalog.resourceDigest = hasher.hexDigest()
        return catalog
    }


    /// Adds a generated area file.
    package mutating func load(_ file: CatalogFile) {
        let family = file.family + ":"
        toolchains.insert(file.toolchain)
        for group in file.groups {
            let capability = Capability(group.capability)
            for type in group.types { wholeTypes[family + type] = capability }
            for type in group.memberDefaults { memberDefaults[family + type] = capability }
            for member in group.members { members[family + member] = MemberEntry(capability: capability) }
            for member in group.pure { members[family + member] = MemberEntry(capability: nil) }
            for usr in group.overloads.keys { overloads[usr] = MemberEntry(capability: capability) }
            for usr in group.pureOverloads.keys { overloads[usr] = MemberEntry(capability: nil) }
        }
    }

    /// Adds the C library list.
    package mutating func load(_ file: CLibraryCatalogFile) {
        for (capability, names) in file.functions { for name in names { cFunctions[name, default: []].append(Capability(capability)) } }
        let order = Dictionary(uniqueKeysWithValues: Capability.builtIn.enumerated().map { ($1, $0) })
        cFunctions = cFunctions.mapValues { $0.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) } }
        for (capability, names) in file.variables { for name in names { cVariables[name] = Capability(capability) } }
        cPure.formUnion(file.pure)
        cPurePrefixes.formUnion(file.purePrefixes)
        cPurePrefixLengths = Set(cPurePrefixes.map(\.count))
    }

    /// Adds the system-library list.
    package mutating func load(_ file: SystemLibraryCatalogFile) {
        for (library, entry) in file.libraries {
            if let does = entry.does {
                systemLibraries[library] = does.map { (Capability($0.key), $0.value) }.sorted { $0.capability < $1.capability }
            }
            load(CLibraryCatalogFile(area: file.area, notes: [:], functions: entry.functions ?? [:], variables: [:], pure: [],
                                     purePrefixes: [], extraHeaders: []))
        }
    }

    /// The names Swift source spells the catalog's sinks by (see `SourceSinkNames`).
    package func sourceSinkNames() -> SourceSinkNames {
        var names = SourceSinkNames()
        // In key order, so that the first of several overloads is always the same one.
        for (key, capability) in memberDefaults.sorted(by: { $0.key < $1.key }) { names.addType(key, capability) }
        for (key, capability) in wholeTypes.sorted(by: { $0.key < $1.key }) { names.addType(key, capability) }
        for (key, entry) in members.sorted(by: { $0.key < $1.key }) {
            if let capability = entry.capability { names.addMember(key, capability) }
        }
        names.functions = cFunctions.mapValues { $0[0] }
        names.variables = cVariables
        return names
    }

    /// The toolchain API or C function a node is, by the bundled catalog alone (what does not depend on the
    /// policy); `demangled` is needed only for Swift symbols the analysed sources do not define.
    public func toolchainMatch(_ node: GraphNode, demangled: String?) -> SinkMatch? {
        if node.language.isClang { return classifyClang(node) }
        guard !node.isDefined, let demangled, let parsed = SwiftSymbolName(demangled: demangled) else { return nil }
        return classifyToolchain(parsed, usr: node.usr, isType: node.kind.isType || node.kind == .typealias)
    }

    /// Classifies a toolchain Swift symbol by its parsed name (and USR, for overloads told apart by type only).
    package func classifyToolchain(_ parsed: SwiftSymbolName, usr: String, isType: Bool) -> SinkMatch? {
        let family = Self.families[parsed.module] ?? parsed.module
        if family == "libc", let name = parsed.path.last {
            if let capabilities = cFunctions[name] { return Self.cSink(name, capabilities) }
            if let capability = cVariables[name] { return SinkMatch(capability: capability, name: name, onlyFromSwift: false) }
            return nil
        }
        let name = family + "." + parsed.qualifiedMember
        if !isType {
            if let entry = overloads[usr] { return entry.capability.map { SinkMatch(capability: $0, name: name, onlyFromSwift: false) } }
            let path = family + ":" + parsed.path.joined(separator: ".")
            if let labels = parsed.labels, let entry = members[path + "(" + labels + ")"] {
                return entry.capability.map {
                    RemoteURLLoaders.adjusted(SinkMatch(capability: $0, name: name, onlyFromSwift: false), key: path + "(" + labels + ")",
                                              programFetches: programFetchesURLs)
                }
            }
            if let entry = members[path] { return entry.capability.map { SinkMatch(capability: $0, name: name, onlyFromSwift: false) } }
        }
        // Whole types belong to the module that declares the type, whoever declares the member.
        let typeFamily = Self.families[parsed.typeModule] ?? parsed.typeModule
        var typePath = typeFamily + ":"
        var prefixes: [String] = []
        for component in parsed.path {
            typePath += (prefixes.isEmpty ? "" : ".") + component
            prefixes.append(typePath)
        }
        for prefix in prefixes where wholeTypes[prefix] != nil {
            let capability = wholeTypes[prefix]!
            return SinkMatch(capability: capability, name: typeFamily + "." + prefix.dropFirst(typeFamily.count + 1), onlyFromSwift: false)
        }
        if !isType, prefixes.count >= 2, let capability = memberDefaults[prefixes[prefixes.count - 2]] {
            return SinkMatch(capability: capability, name: name, onlyFromSwift: false)
        }
        return nil
    }

    /// This catalog with every other name a listed C function is exported under at the same address (`aliases`: name →
    /// the names sharing its address; glibc's `__open` and `open64` are `open`, `_IO_popen` is `popen`): C code may call
    /// it by any of them. A name the list holds already, pure or not, keeps its entry.
    package func addingAliases(_ aliases: [String: [String]]) -> SinkCatalog {
        var copy = self
        let order = Dictionary(uniqueKeysWithValues: Capability.builtIn.enumerated().map { ($1, $0) })
        for (name, others) in aliases where cFunctions[name] == nil && !cPure.contains(name) {
            let capabilities = Set(others.flatMap { cFunctions[$0] ?? [] })
            guard !capabilities.isEmpty else { continue }
            copy.cFunctions[name] = capabilities.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
            copy.cLibraryNames.insert(name)
        }
        return copy
    }

    /// Whether the C library list names `name` (a function, pure or not, or a variable).
    public func isCLibraryName(_ name: String) -> Bool { cLibraryNames.contains(name) }

    /// Whether the catalog lists a C function as pure (no capability, not `ffi`).
    public func isPureC(_ name: String) -> Bool {
        cPure.contains(name) || cPurePrefixLengths.contains { $0 <= name.count && cPurePrefixes.contains(String(name.prefix($0))) }
    }

    private func classifyClang(_ node: GraphNode) -> SinkMatch? {
        if let sink = CxxStandardLibrarySinks.classify(node) { return sink }
        switch node.kind {
        case .function:
            if let capabilities = cFunctions[node.name] { return Self.cSink(node.name, capabilities) }
            // A package's own function named like a pure one (`long labs(long)` that reads the environment off the
            // stack) is its C code like any other: `ffi` from Swift (the tenth sweep's).
            if isPureC(node.name) && node.package == nil { return nil }
            return SinkMatch(capability: .ffi, name: node.name, onlyFromSwift: true)
        case .variable:
            // A package's own C global read from Swift enters its C code as a call does: a table of function
            // pointers its initializer fills (`ev_ops.prepare()`) runs C the Swift code names no function of.
            if node.isDefined { return node.package == nil ? nil : SinkMatch(capability: .ffi, name: node.name, onlyFromSwift: true) }
            guard let capability = cVariables[node.name] else { return nil }
            return SinkMatch(capability: capability, name: node.name, onlyFromSwift: false)
        case .instanceMethod, .classMethod, .staticMethod, .constructor, .destructor, .conversionFunction:
            // C++ (or Objective-C) code called from Swift is foreign code like a C function (a package's `Tuner(3)`,
            // `tuner.apply()`): `ffi` on edges from Swift. Nothing in the catalog lists methods.
            return SinkMatch(capability: .ffi, name: node.name, onlyFromSwift: true)
        default:
            return nil
        }
    }

    private static func cSink(_ name: String, _ capabilities: [Capability]) -> SinkMatch {
        var sink = SinkMatch(capability: capabilities[0], name: name, onlyFromSwift: false)
        sink.alsoNeeds = Array(capabilities.dropFirst())
        return sink
    }
}
