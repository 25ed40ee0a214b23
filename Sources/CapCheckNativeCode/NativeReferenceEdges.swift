import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

extension NativeGraphMerger {
    /// Kind `reference` for calls and variables, `address taken (callable through a pointer)` for a function whose
    /// address the definition takes: it is reachable from the taker only (an indirect call does not reach every
    /// address-taken function of the target).
    func addReferenceEdges(of definition: DefinitionInMerge, to graph: GraphBuilder) {
        for reference in definition.owned.definition.references {
            guard let target = resolve(reference, from: definition.owned.package, definition.clangDefinitions, graph) else { continue }
            graph.addEdge(from: definition.node, to: target, kind: reference.isCall || !reference.isFunction ? .reference : .addressTaken,
                          site: reference.site)
        }
    }
}
