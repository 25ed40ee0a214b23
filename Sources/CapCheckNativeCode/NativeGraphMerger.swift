import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

/// Merges the libclang pass into the call graph built from the index store, by clang USR, keeping C definitions
/// keyed per package (`<package>|<usr>`):
///
/// - each definition's references (calls and taken addresses) become edges; a function whose address is taken
///   is reachable from the taker only;
/// - inline `asm` is an edge to the `unsafe` and `ffi` sinks `inline asm`; a raw `syscall(n, …)` an edge to
///   `syscall(SYS_<name>)` with the capability of that system call (a non-constant number: `fs`, `net` and `exec`);
/// - load-time code (constructors, destructors, ifunc resolvers, init-section entries, weak and alias
///   definitions, `+load`, C++ dynamic initializers) of every non-test target in the build is reached from a
///   root node, `program start`;
/// - a module of a system-library or binary target is reached from every declaration of a Swift file that
///   imports it, and reaching it is `ffi` for the package that declares the target (a binary target's must be
///   granted explicitly), plus what the catalog says the libraries a system-library target links can do
///   (`sqlite3`: `fs` and `env`);
/// - a package's own C function entered from another package's code (or from program start) is `ffi` for the
///   package: an edge to the pseudo-sink `native code of target <module>`.
package struct NativeGraphMerger: GraphPass {
    package let packageGraph: PackageGraph
    package let includeTests: Bool
    /// What calling into each system library can do (`SinkCatalog.systemLibraries`).
    package let systemLibraries: [String: [(capability: Capability, does: String)]]
    /// What the libclang pass found.
    package let findings: NativeFindings
    /// The index records (for the Swift files that import system-library and binary targets' modules).
    package let records: [IndexRecord]

    package init(packageGraph: PackageGraph, includeTests: Bool, systemLibraries: [String: [(capability: Capability, does: String)]] = [:],
                 findings: NativeFindings, records: [IndexRecord]) {
        self.packageGraph = packageGraph
        self.includeTests = includeTests
        self.systemLibraries = systemLibraries
        self.findings = findings
        self.records = records
    }

    /// Adds the native code's edges; returns what the libclang pass could not analyse.
    package func apply(to graph: CallGraph) -> [Unanalyzed] {
        merge(findings, records: records, into: graph)
        return findings.unanalyzed
    }

    private func merge(_ findings: NativeFindings, records: [IndexRecord], into graph: CallGraph) {
        let clangDefinitions = ClangDefinitions(definedIn: graph)
        var ids: [String: Int32] = [:]
        for (key, owned) in findings.definitions { ids[key] = node(for: owned, key: key, in: graph) }

        for (key, owned) in findings.definitions.sorted(by: { $0.key < $1.key }) {
            let from = ids[key]!
            let definition = owned.definition
            for reference in definition.references {
                guard let target = resolve(reference, from: owned.package, clangDefinitions, graph) else { continue }
                graph.addEdge(from: from, to: target, kind: reference.isCall || !reference.isFunction ? .reference : .addressTaken,
                              site: reference.site)
            }
            for site in definition.inlineAsm {
                graph.addEdge(from: from, to: sink("inline asm", .unsafe, graph), kind: .reference, site: site)
                graph.addEdge(from: from, to: sink("inline asm", .ffi, graph), kind: .reference, site: site)
            }
            for call in definition.syscalls {
                for (name, capability) in Self.syscallSinks(call, findings.syscalls) {
                    graph.addEdge(from: from, to: sink(name, capability, graph), kind: .reference, site: call.site)
                }
            }
            for usr in definition.aliasOf {
                if let target = ids[owned.package + "|" + usr] {
                    graph.addEdge(from: from, to: target, kind: .symbolAlias, site: definition.location)
                }
            }
            if !definition.loadTime.isEmpty, !owned.isTest || includeTests {
                graph.addEdge(from: graph.programStart(of: packageGraph.root), to: from, kind: .loadTime, site: definition.location)
            }
        }
        addImportedNativeModules(records: records, to: graph)
        addNativeCodeSinks(to: graph)
    }

    /// The sinks a raw system call reaches: by its constant number, or every effect a system call can have.
    package static func syscallSinks(_ call: SyscallSite, _ table: SyscallTable) -> [(String, Capability)] {
        guard let number = call.number else {
            return [Capability.fs, .net, .exec].map { ("syscall(non-constant number)", $0) }
        }
        guard let entry = table.entry(for: number) else { return [] }
        return [("syscall(SYS_\(entry.name))", entry.capability)]
    }

    // MARK: Nodes

    private func node(for owned: OwnedNativeDefinition, key: String, in graph: CallGraph) -> Int32 {
        if let existing = graph.id(forKey: key) { return existing }
        let definition = owned.definition
        return graph.addNode(key: key, GraphNode(
            usr: definition.usr, name: definition.name, kind: definition.kind, language: definition.language,
            package: owned.package, module: owned.module, location: definition.location, isFileMain: false))
    }

    /// A sink node the libclang pass classifies itself (not a toolchain symbol the catalog knows).
    private func sink(_ name: String, _ capability: Capability, _ graph: CallGraph, explicit: Bool = false) -> Int32 {
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

    /// The referenced node: the package's own definition, else one in a dependency, else a toolchain symbol
    /// (added for functions the index never named); as the index-store graph resolves C references.
    private func resolve(_ reference: NativeReference, from package: String, _ definitions: ClangDefinitions, _ graph: CallGraph) -> Int32? {
        // The own definition may be one this pass added (a function the index never saw defined).
        if let own = graph.id(forKey: package + "|" + reference.usr) { return own }
        if let defined = definitions.resolve(reference.usr, from: package, in: packageGraph) { return defined }
        if let external = graph.id(forKey: reference.usr) { return external }
        guard reference.isFunction else { return nil }
        return graph.addNode(key: reference.usr, GraphNode(usr: reference.usr, name: reference.name, kind: .function, language: .c,
                                                           package: nil, module: nil, location: nil, isFileMain: false))
    }

    // MARK: System-library and binary targets

    /// Every declaration of a Swift file that imports a module of a system-library or binary target reaches
    /// that module's node, which reaches the target's `ffi` pseudo-sink.
    private func addImportedNativeModules(records: [IndexRecord], to graph: CallGraph) {
        var providers: [String: (package: Package, target: Target)] = [:]
        for package in packageGraph.packages {
            for target in package.targets where target.kind == .systemLibrary || target.kind == .binary {
                providers[target.moduleName] = (package, target)
                for module in ModuleMapFile.read(target)?.modules ?? [] { providers[module] = (package, target) }
            }
        }
        guard !providers.isEmpty else { return }
        var imports: [String: [(module: String, site: SourceLocation)]] = [:]
        for record in records where record.filePath.hasSuffix(".swift") {
            for occurrence in record.occurrences where occurrence.roles.contains(.reference) {
                let symbol = record.symbols[Int(occurrence.symbol)]
                guard symbol.kind == .module, providers[symbol.name] != nil else { continue }
                imports[record.filePath, default: []].append(
                    (symbol.name, SourceLocation(file: record.filePath, line: Int(occurrence.line), column: Int(occurrence.column))))
            }
        }
        guard !imports.isEmpty else { return }
        var declarations: [String: [Int32]] = [:]
        for (index, node) in graph.nodes.enumerated() where node.language == .swift {
            if let file = node.location?.file, imports[file] != nil { declarations[file, default: []].append(Int32(index)) }
        }
        for (file, modules) in imports {
            for (module, site) in modules {
                let provider = providers[module]!
                let moduleNode = nativeModule(module, of: provider.package, provider.target, graph)
                for declaration in declarations[file] ?? [] {
                    graph.addEdge(from: declaration, to: moduleNode, kind: .moduleImport, site: site)
                }
            }
        }
    }

    private func nativeModule(_ module: String, of package: Package, _ target: Target, _ graph: CallGraph) -> Int32 {
        let key = "native-module|\(package.identity)|\(target.moduleName)|\(module)"
        if let existing = graph.id(forKey: key) { return existing }
        let moduleMap = URL(fileURLWithPath: target.path).appendingPathComponent("module.modulemap").path
        let location = SourceLocation(file: FileManager.default.fileExists(atPath: moduleMap) ? moduleMap : target.path, line: 1, column: 1)
        let id = graph.addNode(key: key, GraphNode(usr: key, name: "module \(module)", kind: .module, language: .c,
                                                   package: package.identity, module: target.moduleName, location: location,
                                                   isFileMain: false))
        let sinkNode = sink(target.nativeDescription, .ffi, graph, explicit: target.kind == .binary)
        graph.addEdge(from: id, to: sinkNode, kind: .nativeCode, site: location)
        if target.kind == .systemLibrary {
            for library in ModuleMapFile.read(targetFolder: target.path)?.linkedLibraries ?? [] {
                for effect in systemLibraries[library] ?? [] {
                    graph.addEdge(from: id, to: sink("library \(library): \(effect.does)", effect.capability, graph), kind: .nativeCode,
                                  site: location)
                }
            }
        }
        return id
    }

    // MARK: A package's own native code

    /// An edge to `native code of target <module>` from each C-family function that code of another package
    /// (or program start) enters: running it is the owning package's `ffi`.
    private func addNativeCodeSinks(to graph: CallGraph) {
        let functionKinds: Set<SymbolKind> = [.function, .instanceMethod, .classMethod, .staticMethod, .constructor, .destructor,
                                              .conversionFunction]
        // Per node: its package's number, and whether it is a C-family function of a package (hoisted out of the
        // loop over every edge).
        var packageNumbers: [String: Int32] = [:]
        let nodes = graph.nodes
        let packages = nodes.indices.map { index -> Int32 in
            guard let package = nodes[index].package else { return -1 }
            if let known = packageNumbers[package] { return known }
            packageNumbers[package] = Int32(packageNumbers.count)
            return Int32(packageNumbers.count - 1)
        }
        let isNativeFunction = nodes.indices.map { index -> Bool in
            let node = nodes[index]
            return node.language.isClang && node.isDefined && functionKinds.contains(node.kind) && node.package != nil
        }
        var entered = Set<Int32>()
        for (index, edges) in graph.edges.enumerated() {
            for edge in edges where isNativeFunction[Int(edge.target)] && packages[index] != packages[Int(edge.target)] {
                entered.insert(edge.target)
            }
        }
        for id in entered.sorted() {
            let node = graph.nodes[Int(id)]
            let name = "native code of target \(node.module ?? node.package ?? "?")"
            graph.addEdge(from: id, to: sink(name, .ffi, graph), kind: .nativeCode, site: node.location)
        }
    }

}
