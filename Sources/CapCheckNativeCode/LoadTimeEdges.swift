import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

extension NativeGraphMerger {
    /// Load-time code (constructors, destructors, ifunc resolvers, init-section entries, weak and alias definitions,
    /// `+load`, C++ dynamic initializers) of a non-test target: kind `run at program load or exit`, from program start.
    func addLoadTimeEdge(of definition: DefinitionInMerge, to graph: GraphBuilder) {
        let owned = definition.owned
        guard !owned.definition.loadTime.isEmpty, !owned.isTest || includeTests else { return }
        graph.addEdge(from: graph.programStart(of: packageGraph.root), to: definition.node, kind: .loadTime, site: owned.definition.location)
    }
}
