import Foundation
import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph

/// A package's own global definition of a C library function (`void *malloc(size_t n) { … }`, an `open` of its own)
/// replaces the library's in the whole process (ELF symbol interposition): every caller, the toolchain's and the C
/// library's own included, runs it, though no call the index records names the package's code. Each such
/// definition hangs below the program start, kind `replaces a C library function for the whole process`. The names
/// are the catalog's C library list (`libc.json`: functions with a capability, pure ones, variables) and whatever the
/// runtime libraries export or their startup code calls (`RuntimeExports`: a package's `__gmon_start__` ran at load
/// in every library of the process); a `static`
/// definition (`c:file.c@F@name`) replaces nothing. So does a C++ global `operator new` or `operator delete`, which
/// replaces the C++ library's for every `new` in the process, and a C definition named like a Swift symbol (`$s…`):
/// the compiler emits some Swift symbols weak into every object that uses them (a default argument's generator,
/// `$ss5print_9separator10terminatoryypd_S2StFfA0_`), and a strong definition wins over all of them. So does a C++
/// definition of a runtime library's mangled export, found in the objects (`MangledRuntimeDefinitions`). Fixture
/// `c-interpose`.
///
/// And when packages define the same external symbol (a C++ `inline` function or template instance, a weak C
/// definition), the linker keeps one copy for every caller: each definition reaches the others, kind `the same symbol
/// defined by another package (the linker keeps one)` (found by an evasion sweep: a dependency's `inline` function
/// named like the app's ran in its place).
public struct CLibraryInterposition: GraphPass {
    let packageGraph: PackageGraph
    let includeTests: Bool
    /// Whether the C library defines a function or variable of this name.
    let isLibraryName: (String) -> Bool
    /// The C++ functions packages' objects define under a mangled name a runtime library exports
    /// (`MangledRuntimeDefinitions`), with the source each object was compiled from.
    let mangledDefinitions: [MangledRuntimeDefinitions.InObject]
    /// The asm labels of the libclang pass's definitions (`long evil_atol(const char *) __asm__("atol")`, or the label
    /// a `#pragma redefine_extname` gives), by `package|usr`: the symbol such a definition is linked under.
    let labels: [String: String]

    package init(packageGraph: PackageGraph, includeTests: Bool, isLibraryName: @escaping (String) -> Bool,
                mangledDefinitions: [MangledRuntimeDefinitions.InObject] = [], labels: [String: String] = [:]) {
        self.packageGraph = packageGraph
        self.includeTests = includeTests
        self.isLibraryName = isLibraryName
        self.mangledDefinitions = mangledDefinitions
        self.labels = labels
    }

    /// The symbol a package's C-family function definition is linked under, when it has external C linkage: its asm
    /// label, else its name for `c:@F@name` and for a function declared `extern "C"` inside a namespace
    /// (`c:@N@h@F@atoi`, which is linked as `atoi`; the eleventh sweep's, with the label and the pragma). Nil for a
    /// `static` function (`c:file.c@F@name`) and a C++ function (its USR has the parameter types after `#`).
    static func linkedSymbol(usr: String, name: String, label: String?) -> String? {
        if let label, !label.isEmpty { return label }
        guard usr.hasPrefix("c:@"), usr.hasSuffix("@F@" + name), !usr.contains("#") else { return nil }
        let scopes = usr.dropFirst(2).dropLast(name.count + 3)  // `@N@h@N@i` before `@F@name`, or nothing
        return scopes.isEmpty || scopes.hasPrefix("@N@") ? name : nil
    }

    /// A global replacement of C++'s allocation functions (`c:@F@operator new#l#`).
    static func replacesAllocation(_ usr: String) -> Bool {
        usr.hasPrefix("c:@F@operator new") || usr.hasPrefix("c:@F@operator delete")
    }

    public func apply(to graph: GraphBuilder) -> [Unanalyzed] {
        let ownership = SourceOwnership(graph: packageGraph)
        // A label counts on a definition with a body: a declaration only links its callers to the labelled symbol
        // (`AsmLabelEdges`), and has no edge but that one (and its package's native-code sink).
        var labelled: [Int32: String] = [:]
        for (key, label) in labels {
            guard let id = graph.id(forKey: key),
                  graph.edges[Int(id)].contains(where: { $0.kind != .asmLabel && $0.kind != .nativeCode }) else { continue }
            labelled[id] = label
        }
        var replacing: [Int32] = []
        for (id, node) in graph.nodes.enumerated()
        where node.language.isClang && node.kind == .function && node.package != nil && node.isDefined
            && (Self.linkedSymbol(usr: node.usr, name: node.name, label: labelled[Int32(id)]).map { isLibraryName($0) || Self.isSwiftSymbol($0) } == true
                || Self.replacesAllocation(node.usr))
            && (includeTests || !ownership.isTest(package: node.package, module: node.module)) {
            replacing.append(Int32(id))
        }
        let (mangled, unmatched) = mangledReplacements(in: graph)
        replacing += mangled
        if !replacing.isEmpty {
            let start = graph.programStart(of: packageGraph.root)
            for id in replacing {
                graph.addEdge(from: start, to: id, kind: .interposition, site: graph.nodes[Int(id)].location)
            }
        }
        addSharedDefinitions(to: graph)
        return unmatched
    }

    /// The definitions behind `mangledDefinitions`: the package's C++ functions of that name defined in the object's
    /// source or in one of the package's headers. A weak definition none of them makes came from a header of the
    /// toolchain's (an `inline` function of the standard library's, its own code); a strong one, or one whose name
    /// cannot be read, is listed as code capcheck could not follow (a function written in `asm`).
    private func mangledReplacements(in graph: GraphBuilder) -> (nodes: [Int32], unmatched: [Unanalyzed]) {
        guard !mangledDefinitions.isEmpty else { return ([], []) }
        let wanted = Set(mangledDefinitions.compactMap(\.definition.functionName))
        var byName: [String: [Int32]] = [:]
        for (id, node) in graph.nodes.enumerated()
        where node.language.isClang && node.kind.isFunction && node.package != nil && node.isDefined && wanted.contains(node.name) {
            byName[node.name, default: []].append(Int32(id))
        }
        let sourceExtensions = CFamilySources.extensions
        var nodes: [Int32] = [], unmatched: [Unanalyzed] = []
        for found in mangledDefinitions {
            let named = (found.definition.functionName.flatMap { byName[$0] } ?? []).filter { id in
                let node = graph.nodes[Int(id)]
                guard node.package == found.package, let file = node.location?.file,
                      found.definition.scopes.allSatisfy({ node.usr.contains("@" + $0 + "@") }) else { return false }
                return file == found.source || !sourceExtensions.contains((file as NSString).pathExtension.lowercased())
            }
            if named.isEmpty, !found.definition.isWeak || found.definition.functionName == nil {
                unmatched.append(Unanalyzed(
                    package: found.package, reason: "the object of \((found.source as NSString).lastPathComponent) defines "
                        + "`\(found.definition.symbol)`, which a runtime library exports, so it replaces the library's for the whole "
                        + "process; no definition of it in the package's sources was found to follow (written in `asm`?)",
                    kind: .assemblySource, file: found.source))
            }
            nodes += named
        }
        return (nodes, unmatched)
    }

    /// A mangled Swift name (`$s…`, `_$s…`, the older `$S…` and `_T0…`, Embedded Swift's `$e…`).
    static func isSwiftSymbol(_ name: String) -> Bool {
        ["$s", "_$s", "$S", "_$S", "_T0", "$e", "_$e"].contains { name.hasPrefix($0) }
    }

    /// Each external C-family function two or more packages define reaches the other packages' definitions.
    private func addSharedDefinitions(to graph: GraphBuilder) {
        var definitions: [String: [Int32]] = [:]
        for (id, node) in graph.nodes.enumerated()
        where node.language.isClang && node.kind.isFunction && node.package != nil && node.isDefined && node.usr.hasPrefix("c:@") {
            definitions[node.usr, default: []].append(Int32(id))
        }
        for usr in definitions.keys.sorted() {
            guard let ids = definitions[usr], Set(ids.map { graph.nodes[Int($0)].package }).count > 1 else { continue }
            for from in ids {
                for to in ids where graph.nodes[Int(to)].package != graph.nodes[Int(from)].package {
                    graph.addEdge(from: from, to: to, kind: .sharedSymbol, site: graph.nodes[Int(to)].location)
                }
            }
        }
    }
}
