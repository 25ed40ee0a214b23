import CapCheckModel
import CapCheckGraph

extension NativeGraphMerger {
    /// A binary target linked into the program (a target of the root's depends on it, through any chain) reaches its
    /// module, and so its `ffi`, from program start, kind `run at program load or exit`: the linker pulls an archive's
    /// object in through any reference, called or not, and prebuilt code runs without being called in many ways that a
    /// section table does not show (constructors, an `ifunc` resolver, a definition of a C library function the linker
    /// prefers to the C library's, a thin archive's members or a library `info.json` names outside the bundle: the
    /// thirteenth and fifteenth sweeps). Its code is not read, so linking it is running it.
    func addBinaryLoadTimeCode(to graph: GraphBuilder) {
        var seen = Set<String>()
        var stack = packageGraph.root.targets.filter { !$0.isTest || includeTests }.map { (package: packageGraph.root, target: $0) }
        while let (package, target) = stack.popLast() {
            guard seen.insert("\(package.identity)|\(target.name)").inserted, target.kind != .plugin, target.kind != .macro else { continue }
            stack += packageGraph.dependencies(of: target, in: package)
            guard target.kind == .binary else { continue }
            let module = nativeModule(target.moduleName, of: package, target, graph)
            graph.addEdge(from: graph.programStart(of: packageGraph.root), to: module, kind: .loadTime, site: graph.nodes[Int(module)].location)
        }
    }
}
