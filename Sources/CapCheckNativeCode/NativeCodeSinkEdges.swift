import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

extension NativeGraphMerger {
    /// An edge to `native code of target <module>` from each C-family function that code of another package
    /// (or program start) enters: running it is the owning package's `ffi`.
    func addNativeCodeSinks(to graph: GraphBuilder) {
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
            return node.language.isClang && node.isDefined && node.kind.isFunction && node.package != nil
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
