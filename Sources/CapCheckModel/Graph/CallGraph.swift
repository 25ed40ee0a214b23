import CapCheckSupport

/// A place in a source file (1-based line and column).
public struct SourceLocation: Hashable, Sendable, Codable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// One symbol of the whole-program graph: a declaration of the analysed sources, a toolchain symbol
/// they refer to (no package), or a per-file `main` node for top-level code.
///
/// A class, immutable: the passes and the search read nodes out of arrays of 130,000 and more, and copying a struct of
/// six strings cost a dozen atomic reference-count operations per read (a tenth of a changed run's time on vapor's
/// graph); a read now retains one reference.
public final class GraphNode: Sendable {
    public let usr: String
    public let name: String
    public let kind: SymbolKind
    public let language: SymbolLanguage
    /// The owning package's identity; nil for toolchain and system symbols.
    public let package: String?
    /// The owning module; nil for toolchain and system symbols.
    public let module: String?
    /// Where the symbol is defined, when the analysed sources define it.
    public let location: SourceLocation?
    /// Whether this is the synthetic node holding a file's top-level code.
    public let isFileMain: Bool

    /// Defined in the analysed sources (as opposed to a toolchain or system symbol).
    public var isDefined: Bool { location != nil }

    package init(usr: String, name: String, kind: SymbolKind, language: SymbolLanguage, package: String?, module: String?, location: SourceLocation?, isFileMain: Bool) {
        self.usr = usr
        self.name = name
        self.kind = kind
        self.language = language
        self.package = package
        self.module = module
        self.location = location
        self.isFileMain = isFileMain
    }
}

/// Why an edge exists: a reference the index recorded, or one of the implicit-edge rules.
public enum EdgeKind: String, Sendable, Codable, CaseIterable {
    case reference
    case witness = "protocol witness or override"
    case accessor = "property accessor"
    case deinitializer = "deinit of a reached class"
    case conformance = "implicit call of a conformance"
    case construction = "constructed type"
    case inheritedMain = "static main() run by @main"
    case supertype = "supertype of a reached type"
    case propertyWrapper = "property wrapper of the declaration"
    case dynamicCall = "call of a @dynamicCallable value"
    case storedPropertyValue = "initial value of a stored property"
    case superInitializer = "initialiser of a superclass"
    case associatedTypeDefault = "default type of an associated type"
    case defaultArgument = "default argument value"
    case samePattern = "declared by the same pattern"
    case memberConstruction = "member or base built by an implicit constructor"
    case decodedMember = "member decoded by a synthesized init(from:)"
    case cxxMember = "member of a reached C++ type, which C++ may call implicitly"
    case cxxAssociated = "function or specialisation taking a reached C++ type, which C++ may call implicitly"
    // Edges of the libclang pass (`CapCheckNativeCode/`).
    case loadTime = "run at program load or exit"
    case addressTaken = "address taken (callable through a pointer)"
    case symbolAlias = "alias or ifunc of"
    case asmLabel = "linked by its asm label to"
    case moduleImport = "module imported by this file"
    case nativeCode = "native code of the package"
    case interposition = "replaces a C library function for the whole process"
    case sharedSymbol = "the same symbol defined by another package (the linker keeps one)"
    case objectCall = "called by the object file, named by no C code (asm, symbol versioning)"
    case cxxInterop = "may call C++ through interoperability"
    case importedSetter = "may call a C function imported as the property's setter"
    // Edges of the build (`CapCheckBuildTime/`).
    case builtTarget = "built by swift build"
    case buildDependency = "build dependency"
    case runsPlugin = "build-tool plugin it uses"
    case buildTimeCode = "runs at build time"
    // Edges of the Swift source scan (`CapCheckSwiftSource/`).
    case exportedToC = "exported to C (callable from any C code)"
    case dynamicReplacement = "replaces a dynamic declaration wherever it is called"
    case differentiation = "a derivative or transpose the compiler calls wherever the original is differentiated"
    /// A typealias to the types it names, a type to the generic arguments of its inheritance clause (`class Motor:
    /// Engine<Igniter>`) and to the types its conformances may infer as associated types: generic code may make values
    /// of them (`T(integerLiteral: 5)`, `F.Options(from: decoder)`).
    case namedType = "type named by the declaration (a typealias's or an inheritance clause's)"
    /// A package's overload that code the compiler synthesizes (`init(from:)`, `encode(to:)`, `hash(into:)`, `==`) may
    /// pick by overload resolution: `KeyedDecodingContainer.decode(_:forKey:)` in an extension, a file-scope `==`.
    case synthesizedCall = "may be called by code the compiler synthesizes (Codable, Hashable, Equatable)"
    /// Code a macro of another package expanded to, where it is used (`#config(…)`, `@Logged`, a C header's `#define`):
    /// the macro's package wrote it (`MacroExpansionSites`).
    case macroExpansion = "runs code a macro expands to (written by the macro's package)"
    /// A member of an extension to its extension, whose attributes apply to the member (`@Worker extension Store`: the
    /// runtime hops to `Worker.shared` whenever the member runs).
    case extensionMember = "declared in an extension whose attributes apply to it"
    /// A C function or variable named by a Swift symbol (`extern void $s6Hidden5plainyyF(void);`): the linker binds the
    /// name to that Swift code (`NativeGraphMerger.addMangledSwiftNameEdges`).
    case mangledSwiftName = "the Swift declaration its mangled name names"
    /// A C++ template to an explicit specialisation of it (`TemplateReachesSpecializationsRule`).
    case specialization = "explicit specialisation of a reached template, which C++ picks for its arguments"
}

/// A directed edge `from → target`, with the site of the reference (for `reference` edges).
public struct GraphEdge: Sendable {
    public let target: Int32
    public let kind: EdgeKind
    public let site: SourceLocation?

    package init(target: Int32, kind: EdgeKind, site: SourceLocation?) {
        self.target = target
        self.kind = kind
        self.site = site
    }
}

/// The whole-program reference graph, frozen: nodes by id, adjacency lists, what the passes fixed. Nothing changes it
/// after `GraphBuilder.freeze()` (or after it is read back from a snapshot), so the searches share it across threads.
public final class CallGraph: Sendable {
    public let nodes: [GraphNode]
    /// Per node, a small integer naming its (package, module) owner, or -1 for toolchain symbols:
    /// the search compares owners by number instead of hashing strings on every edge.
    public let owners: [Int32]
    /// How many distinct owners there are (owner numbers are `0..<ownerCount`).
    public let ownerCount: Int
    /// For a witness or override reached by a `.witness` edge: the type that declares it. The search follows
    /// such an edge only once that type is reached (rapid type analysis): a witness runs only on a value of its
    /// type, and a value exists only where its type is named.
    public let witnessTypes: [Int32: Int32]
    public let edges: [[GraphEdge]]
    /// Sinks fixed by the stage that made the node (the libclang pass's `inline asm`, `syscall(SYS_openat)`,
    /// native-target and system-library pseudo-sinks); the catalog classifies every other node.
    public let fixedSinks: [Int32: SinkMatch]
    /// Every node's key, by node id (a Swift USR, or `package|usr` for a C definition): what the snapshot keeps.
    package let keys: [String]
    public let edgeCount: Int

    /// A graph with these nodes (each under its key) and edges: what `GraphBuilder.freeze()` and `CallGraphCoding` make.
    package init(nodes: [GraphNode], keys: [String], edges: [[GraphEdge]], witnessTypes: [Int32: Int32], fixedSinks: [Int32: SinkMatch]) {
        self.nodes = nodes
        self.keys = keys
        self.edges = edges
        self.witnessTypes = witnessTypes
        self.fixedSinks = fixedSinks
        var numbers = OwnerNumbers()
        owners = nodes.map { numbers.number(package: $0.package, module: $0.module) }
        ownerCount = numbers.count
        edgeCount = edges.reduce(0) { $0 + $1.count }
    }
}

/// Numbers (package, module) owners densely, in the order they first appear.
private struct OwnerNumbers {
    private var numbers: [String: Int32] = [:]
    private var last: (package: String, module: String?, number: Int32)?

    var count: Int { numbers.count }

    /// The owner number of (package, module), -1 for a toolchain symbol; consecutive nodes usually share it, so the
    /// last one is remembered.
    mutating func number(package: String?, module: String?) -> Int32 {
        guard let package else { return -1 }
        if let last, last.package == package, last.module == module { return last.number }
        let key = package + "/" + (module ?? "")
        let number = numbers[key] ?? Int32(numbers.count)
        numbers[key] = number
        last = (package, module, number)
        return number
    }
}

/// The graph while the index store's records and the passes (`GraphPass`) build it, on one thread: nodes are added
/// under a key, edges deduplicated per (from, to). `freeze()` turns it into the `CallGraph` every later stage reads.
public final class GraphBuilder {
    public private(set) var nodes: [GraphNode] = []
    public private(set) var edges: [[GraphEdge]] = []
    /// See `CallGraph.witnessTypes`.
    public package(set) var witnessTypes: [Int32: Int32] = [:]
    /// See `CallGraph.fixedSinks`.
    public package(set) var fixedSinks: [Int32: SinkMatch] = [:]
    private var ids: [String: Int32] = [:]
    private var edgeKeys = Set<Int64>()

    public init() {}

    /// The graph as it is now, frozen.
    public func freeze() -> CallGraph {
        var keys = [String](repeating: "", count: nodes.count)
        for (key, id) in ids { keys[Int(id)] = key }
        return CallGraph(nodes: nodes, keys: keys, edges: edges, witnessTypes: witnessTypes, fixedSinks: fixedSinks)
    }

    /// Makes room for about `nodes` nodes and `edges` edges (saves rehashing while a large graph is built).
    package func reserveCapacity(nodes: Int, edges: Int) {
        ids.reserveCapacity(nodes)
        self.nodes.reserveCapacity(nodes)
        self.edges.reserveCapacity(nodes)
        edgeKeys.reserveCapacity(edges)
    }

    /// The node id for a key (a Swift USR, or `package|usr` for a C definition), if present.
    public func id(forKey key: String) -> Int32? { ids[key] }

    /// Adds a node under `key` unless one exists; returns its id. `node` is evaluated only for a new key, and the
    /// key is hashed once (this runs once per definition and per referenced symbol of every record).
    @discardableResult
    package func addNode(key: String, _ node: @autoclosure () -> GraphNode) -> Int32 {
        let next = Int32(nodes.count)
        var isNew = false
        let id = { (slot: inout Int32) -> Int32 in
            if slot < 0 { slot = next; isNew = true }
            return slot
        }(&ids[key, default: -1])
        guard isNew else { return id }
        nodes.append(node())
        edges.append([])
        return id
    }

    /// Adds `from → to` unless an edge between them exists already (the first one, usually the earliest site, wins).
    package func addEdge(from: Int32, to: Int32, kind: EdgeKind, site: SourceLocation?) {
        guard from != to, edgeKeys.insert(Int64(from) << 32 | Int64(to)).inserted else { return }
        edges[Int(from)].append(GraphEdge(target: to, kind: kind, site: site))
    }
}
