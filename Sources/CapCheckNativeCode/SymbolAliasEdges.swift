import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

extension NativeGraphMerger {
    /// `alias("f")` and `ifunc("resolver")`: kind `alias or ifunc of`, to the aliased function or the resolver.
    func addAliasEdges(of definition: DefinitionInMerge, to graph: GraphBuilder) {
        let owned = definition.owned
        for usr in owned.definition.aliasOf {
            // The target is a definition of this pass, or (when libclang kept nothing of it) of the index.
            if let target = definition.ids[owned.package + "|" + usr] ?? graph.id(forKey: owned.package + "|" + usr) {
                graph.addEdge(from: definition.node, to: target, kind: .symbolAlias, site: owned.definition.location)
            }
        }
    }
}
