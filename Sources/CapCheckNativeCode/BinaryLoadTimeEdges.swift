import CapCheckModel
import CapCheckGraph

extension NativeGraphMerger {
    /// A binary target linked into the program (a target of the root's depends on it, through any chain) whose
    /// libraries may hold load-time code (`BinaryArtifactLoadTime`) reaches its module, and so its `ffi`, from program
    /// start, kind `run at program load or exit`: the linker pulls an archive's object in through any reference, called
    /// or not, and its constructors run (an evasion sweep's F6: no file that imports the module needs to be reached).
    func addBinaryLoadTimeCode(to graph: GraphBuilder) {
        var seen = Set<String>()
        var stack = packageGraph.root.targets.filter { !$0.isTest || includeTests }.map { (package: packageGraph.root, target: $0) }
        while let (package, target) = stack.popLast() {
            guard seen.insert("\(package.identity)|\(target.name)").inserted, target.kind != .plugin, target.kind != .macro else { continue }
            stack += packageGraph.dependencies(of: target, in: package)
            guard target.kind == .binary, BinaryArtifactLoadTime.mayHoldLoadTimeCode(inFolder: target.path) else { continue }
            let module = nativeModule(target.moduleName, of: package, target, graph)
            graph.addEdge(from: graph.programStart(of: packageGraph.root), to: module, kind: .loadTime, site: graph.nodes[Int(module)].location)
        }
    }
}
