import Foundation
import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph

/// A package's C code calling a function of the C library, or of the toolchain's Foundation or Dispatch, that the catalog
/// neither lists as a sink nor as pure: C reaches what a C function names only through the catalog, so such a call
/// would reach nothing at all. Each is listed as code capcheck does not analyse (kind `unclassifiedFunction`), never
/// passed over: `_CFOpenFileWithMode`, `_CFEnviron`, `_CFPosixSpawn`, `CFSocketCreate`, `dispatch_io_create_with_path`
/// opened files, read the environment, ran programs and connected sockets from C with no grant but `ffi` (found by the
/// seventh sweep). C++'s runtime (`__cxa_throw`, `_Unwind_Resume`) and the Swift runtime's C functions are left out: the
/// standard library's C++ sinks are classified by `CxxStandardLibrarySinks`, and a mangled Swift name by the Swift
/// catalog.
package struct UnclassifiedNativeCalls: GraphPass {
    let includeTests: Bool
    let packageGraph: PackageGraph
    /// Whether the catalog classifies a C function of this name (a sink or pure).
    let isClassified: (String) -> Bool

    package init(packageGraph: PackageGraph, includeTests: Bool, isClassified: @escaping (String) -> Bool) {
        self.packageGraph = packageGraph
        self.includeTests = includeTests
        self.isClassified = isClassified
    }

    package func apply(to graph: GraphBuilder) -> [Unanalyzed] {
        var unclassified = Set<Int32>()
        for (id, node) in graph.nodes.enumerated()
        where node.language.isClang && node.kind == .function && !node.isDefined && node.package == nil && Self.mayBeLibraryFunction(node.name)
            && !isClassified(node.name) && (RuntimeExports.isCLibraryExport(node.name) || Self.isFoundationOrDispatchExport(node.name)) {
            unclassified.insert(Int32(id))
        }
        guard !unclassified.isEmpty else { return [] }
        let ownership = SourceOwnership(graph: packageGraph)
        var first: [String: Unanalyzed] = [:]  // by package and function
        for (id, node) in graph.nodes.enumerated()
        where node.language.isClang && node.package != nil && node.isDefined && (includeTests || !ownership.isTest(package: node.package, module: node.module)) {
            for edge in graph.edges[id] where unclassified.contains(edge.target) {
                let name = graph.nodes[Int(edge.target)].name, package = node.package!
                let key = package + "|" + name
                guard first[key] == nil else { continue }
                first[key] = Unanalyzed(
                    package: package, reason: "C code (\(node.name)) calls `\(name)`, a library function capcheck's catalog does not "
                        + "classify, so what it does (files, the network, programs, the environment) is not analysed",
                    kind: .unclassifiedFunction, target: node.module, file: edge.site?.file ?? node.location?.file,
                    line: edge.site?.line ?? node.location?.line, reference: name)
            }
        }
        return first.keys.sorted().compactMap { first[$0] }
    }

    /// CoreFoundation's and Dispatch's C names (`CFSocketCreate`, `_CFEnviron`, `dispatch_io_create_with_path`,
    /// `Block_copy`), confirmed against their libraries' exports, which are read only for such a name.
    private static func isFoundationOrDispatchExport(_ name: String) -> Bool {
        ["CF", "_CF", "__CF", "NS", "_NS", "__NS", "dispatch_", "_dispatch", "Block_", "_Block"].contains(where: name.hasPrefix)
            && RuntimeExports.isFoundationOrDispatchExport(name)
    }

    /// Not C++'s or the Swift runtime's names (mangled, `__cxa_…`, `_Unwind_…`, `swift_…`), nor `syscall`, whose calls
    /// the raw system-call rule reads by their number (`RawSyscallEdges`).
    private static func mayBeLibraryFunction(_ name: String) -> Bool {
        name != "syscall" && !["_Z", "$s", "_$s", "__cxa_", "_Unwind_", "__gxx_", "swift_"].contains(where: name.hasPrefix)
    }
}
