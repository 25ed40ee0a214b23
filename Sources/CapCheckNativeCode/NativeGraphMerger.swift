import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

/// Merges the libclang pass into the call graph built from the index store, by clang USR, keeping C definitions
/// keyed per package (`<package>|<usr>`). One file per edge kind:
///
/// - `NativeReferenceEdges`: each definition's calls and taken addresses (a function whose address is taken is
///   reachable from the taker only);
/// - `InlineAsmEdges`: inline `asm`, the `unsafe` and `ffi` sinks `inline asm`;
/// - `RawSyscallEdges`: a raw `syscall(n, …)`, `syscall(SYS_<name>)` with that system call's capability (a non-constant
///   number: `fs`, `net` and `exec`);
/// - `SymbolAliasEdges`: `alias` and `ifunc` to their target;
/// - `AsmLabelEdges`: a declaration renamed by an asm label to the symbol it links to;
/// - `LoadTimeEdges`: load-time code of every non-test target in the build, reached from `program start`;
/// - `ImportedModuleEdges`: a module of a system-library or binary target, reached from every declaration of a Swift
///   file that imports it, is `ffi` for the declaring package (a binary target's must be granted explicitly), plus what
///   the catalog says its libraries can do (`sqlite3`: `fs` and `env`);
/// - `CxxInteropEdges`: a Swift module compiled with C++ interoperability reaches every C-family function of the
///   targets it depends on (operators, special members, imported accessors and templates run without a recorded call);
/// - `ImportedSetterEdges`: writing a property whose getter is a C function (`swift_name`) reaches the functions of
///   the getter's target, one of which is the setter no record names;
/// - `ObjectCallEdges`: a source's file-scope `asm`, and the C library functions its object file calls that its C code
///   names nowhere, reached from every function of the source;
/// - `NativeCodeSinkEdges`: a package's own C function entered from another package's code (or program start) is
///   `ffi` for the package, the pseudo-sink `native code of target <module>`.
package struct NativeGraphMerger: GraphPass {
    package let packageGraph: PackageGraph
    package let includeTests: Bool
    /// What calling into each system library can do (`SinkCatalog.systemLibraries`).
    package let systemLibraries: [String: [(capability: Capability, does: String)]]
    /// What the libclang pass found.
    package let findings: NativeFindings
    /// The index records (for the Swift files that import system-library and binary targets' modules).
    package let records: [IndexRecord]
    /// Whether the C library list names a function with a capability (`ObjectCallEdges`).
    package var isCLibraryEffect: (String) -> Bool = { _ in false }

    package init(packageGraph: PackageGraph, includeTests: Bool, systemLibraries: [String: [(capability: Capability, does: String)]] = [:],
                 findings: NativeFindings, records: [IndexRecord]) {
        self.packageGraph = packageGraph
        self.includeTests = includeTests
        self.systemLibraries = systemLibraries
        self.findings = findings
        self.records = records
    }

    /// Adds the native code's edges; returns what the libclang pass could not analyse.
    package func apply(to graph: GraphBuilder) -> [Unanalyzed] {
        merge(findings, records: records, into: graph)
        return findings.unanalyzed
    }

    /// The definitions' edges, one edge kind after the other for each definition (in key order), then the modules
    /// of system-library and binary targets and the packages' own native code.
    private func merge(_ findings: NativeFindings, records: [IndexRecord], into graph: GraphBuilder) {
        let clangDefinitions = ClangDefinitions(definedIn: graph)
        var ids: [String: Int32] = [:]
        var objectCalls: [(key: String, owned: OwnedNativeDefinition)] = []
        for (key, owned) in findings.definitions {
            if owned.definition.usr.hasPrefix(ObjectCallEdges.usrPrefix) { objectCalls.append((key, owned)); continue }
            ids[key] = node(for: owned, key: key, in: graph)
        }
        // Each USR's node in the first package (by key) that defines it here, for a name another package's asm label gives.
        var byUSR: [String: Int32] = [:]
        for (key, id) in ids.sorted(by: { $0.key < $1.key }) {
            guard let bar = key.firstIndex(of: "|") else { continue }
            let usr = String(key[key.index(after: bar)...])
            if byUSR[usr] == nil { byUSR[usr] = id }
        }
        for (key, owned) in findings.definitions.sorted(by: { $0.key < $1.key }) where ids[key] != nil {
            let definition = DefinitionInMerge(node: ids[key]!, owned: owned, ids: ids, idsByUSR: byUSR, clangDefinitions: clangDefinitions)
            addReferenceEdges(of: definition, to: graph)
            addInlineAsmEdges(of: definition, to: graph)
            addRawSyscallEdges(of: definition, syscalls: findings.syscalls, to: graph)
            addAliasEdges(of: definition, to: graph)
            addAsmLabelEdges(of: definition, to: graph)
            addSwiftSymbolEdges(of: definition, to: graph)
            addLoadTimeEdge(of: definition, to: graph)
        }
        if !objectCalls.isEmpty {
            // The C-family nodes of each file, once for every source.
            var nodesByFile: [String: [Int32]] = [:]
            for (index, node) in graph.nodes.enumerated() where node.language.isClang && node.package != nil {
                if let file = node.location?.file { nodesByFile[file, default: []].append(Int32(index)) }
            }
            for (key, owned) in objectCalls.sorted(by: { $0.key < $1.key }) {
                addObjectCallEdges(of: owned, key: key, nodesOfSource: nodesByFile[owned.definition.location.file] ?? [],
                                   clangDefinitions: clangDefinitions, to: graph)
            }
        }
        addMangledSwiftNameEdges(to: graph)
        addImportedNativeModules(records: records, to: graph)
        addBinaryLoadTimeCode(to: graph)
        addCxxInteropSurfaces(to: graph)
        addImportedSetterEdges(to: graph)
        addNativeCodeSinks(to: graph)
    }

    // MARK: Nodes

    private func node(for owned: OwnedNativeDefinition, key: String, in graph: GraphBuilder) -> Int32 {
        if let existing = graph.id(forKey: key) { return existing }
        let definition = owned.definition
        let id = graph.addNode(key: key, GraphNode(
            usr: definition.usr, name: definition.name, kind: definition.kind, language: definition.language,
            package: owned.package, module: owned.module, location: definition.location, isFileMain: false))
        // A definition no index record holds (an inline function of a public header no C source includes): code that
        // calls it, which the index resolved to the bare declaration, reaches it.
        if let declared = graph.id(forKey: definition.usr) {
            graph.addEdge(from: declared, to: id, kind: .reference, site: definition.location)
        }
        // A header's `static` function has a USR naming its file (`c:cevil.h@F@ioctl`), but Swift names it by the plain
        // one (`c:@F@ioctl`) when no index record of the header says otherwise: a module map marked `[system]` keeps the
        // header out of the index, and Swift's call reached nothing (the tenth sweep's).
        if definition.kind == .function, let plain = Self.plainUSR(definition.usr), Self.isHeader(definition.location.file),
           let declared = graph.id(forKey: plain), !graph.nodes[Int(declared)].isDefined {
            graph.addEdge(from: declared, to: id, kind: .reference, site: definition.location)
        }
        return id
    }

    /// `c:@F@name` for a file-qualified function USR `c:file.h@F@name`; nil for any other.
    static func plainUSR(_ usr: String) -> String? {
        guard usr.hasPrefix("c:"), !usr.hasPrefix("c:@"), let marker = usr.range(of: "@F@") else { return nil }
        let name = usr[marker.upperBound...]
        guard !name.isEmpty, !name.contains("@"), !name.contains("#") else { return nil }
        return "c:@F@" + name
    }

    /// A header by its name: a public header's extension (`PublicHeaderUnits.headerExtensions`), an included fragment
    /// (`.inc`, `.def`), or none (`<vector>`).
    private static func isHeader(_ file: String) -> Bool {
        let name = file.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return true }
        return headerExtensions.contains(String(name[name.index(after: dot)...]))
    }

    private static let headerExtensions = PublicHeaderUnits.headerExtensions.union(["inc", "def"])

    /// A sink node the libclang pass classifies itself (not a toolchain symbol the catalog knows).
    func sink(_ name: String, _ capability: Capability, _ graph: GraphBuilder, explicit: Bool = false) -> Int32 {
        let key = "native-sink|\(capability.name)|\(name)"
        if let existing = graph.id(forKey: key) { return existing }
        let id = graph.addNode(key: key, GraphNode(usr: key, name: name, kind: .function, language: .c, package: nil, module: nil,
                                                   location: nil, isFileMain: false))
        var match = SinkMatch(capability: capability, name: name, onlyFromSwift: false)
        match.needsExplicitGrant = explicit
        graph.fixedSinks[id] = match
        return id
    }


    // MARK: References

    /// The package definition the reference names, its own first (possibly one this pass added: a function the index
    /// never saw defined), else one in a dependency; nil for a toolchain symbol. Adds nothing.
    func definedNode(_ reference: NativeReference, from package: String, _ definitions: ClangDefinitions, _ graph: GraphBuilder) -> Int32? {
        graph.id(forKey: package + "|" + reference.usr) ?? definitions.resolve(reference.usr, from: package, in: packageGraph)
    }

    /// The referenced node: the package's own definition, else one in a dependency, else a toolchain symbol
    /// (added for functions the index never named); as the index-store graph resolves C references.
    func resolve(_ reference: NativeReference, from package: String, _ definitions: ClangDefinitions, _ graph: GraphBuilder) -> Int32? {
        if let defined = definedNode(reference, from: package, definitions, graph) { return defined }
        if let external = graph.id(forKey: reference.usr) { return external }
        // A C library variable no record names (`environ`, read through a constructor's `envp`) is a node of its own.
        return graph.addNode(key: reference.usr, GraphNode(usr: reference.usr, name: reference.name, kind: reference.isFunction ? .function : .variable,
                                                           language: .c, package: nil, module: nil, location: nil, isFileMain: false))
    }
}

/// One C-family definition while the merge adds its edges: its node, and the merge's tables.
struct DefinitionInMerge {
    let node: Int32
    let owned: OwnedNativeDefinition
    /// Every definition's node, by `package|usr`.
    let ids: [String: Int32]
    /// A definition's node by USR alone: the first package's, by `package|usr` order.
    var idsByUSR: [String: Int32] = [:]
    let clangDefinitions: ClangDefinitions

    /// The nodes a call of this declaration lands on: this pass's node, and the one callers in the index name (a
    /// declaration without a definition is a toolchain-style node keyed by its USR), when that is another.
    func calledNodes(in graph: GraphBuilder) -> [Int32] {
        guard let declared = graph.id(forKey: owned.definition.usr), declared != node else { return [node] }
        return [node, declared]
    }
}
