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
/// replaces the C++ library's for every `new` in the process. Fixture `c-interpose`.
public struct CLibraryInterposition: GraphPass {
    let packageGraph: PackageGraph
    let includeTests: Bool
    /// Whether the C library defines a function or variable of this name.
    let isLibraryName: (String) -> Bool

    public init(packageGraph: PackageGraph, includeTests: Bool, isLibraryName: @escaping (String) -> Bool) {
        self.packageGraph = packageGraph
        self.includeTests = includeTests
        self.isLibraryName = isLibraryName
    }

    /// A global replacement of C++'s allocation functions (`c:@F@operator new#l#`).
    static func replacesAllocation(_ usr: String) -> Bool {
        usr.hasPrefix("c:@F@operator new") || usr.hasPrefix("c:@F@operator delete")
    }

    public func apply(to graph: GraphBuilder) -> [Unanalyzed] {
        let testModules = includeTests ? [] : SourceOwnership(graph: packageGraph).testModules
        var replacing: [Int32] = []
        for (id, node) in graph.nodes.enumerated()
        where node.language.isClang && node.kind == .function && node.package != nil && node.isDefined
            && (node.usr == "c:@F@" + node.name && isLibraryName(node.name) || Self.replacesAllocation(node.usr))
            && !testModules.contains(node.module ?? "") {
            replacing.append(Int32(id))
        }
        guard !replacing.isEmpty else { return [] }
        let start = graph.programStart(of: packageGraph.root)
        for id in replacing {
            graph.addEdge(from: start, to: id, kind: .interposition, site: graph.nodes[Int(id)].location)
        }
        return []
    }
}
