import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

extension NativeGraphMerger {
    /// Inline `asm` is machine code capcheck does not read: edges to the sinks `inline asm` of `unsafe` and of `ffi`.
    func addInlineAsmEdges(of definition: DefinitionInMerge, to graph: GraphBuilder) {
        for site in definition.owned.definition.inlineAsm {
            graph.addEdge(from: definition.node, to: sink("inline asm", .unsafe, graph), kind: .reference, site: site)
            graph.addEdge(from: definition.node, to: sink("inline asm", .ffi, graph), kind: .reference, site: site)
        }
    }
}
