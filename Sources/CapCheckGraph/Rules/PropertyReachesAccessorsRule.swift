import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A property reaches its accessors and observers (getter, setter, `willSet`, `didSet`, `_read`, `_modify`):
/// a read or write of the property may run any of them. (Index relation: the accessor says `accessorOf`.)
/// A global or static stored property's initializer needs no rule: the index attributes the
/// initializer's occurrences to the property itself.
package struct PropertyReachesAccessorsRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (accessor, property) in facts.accessors {
            guard let owner = graph.node(forUSR: property) else { continue }
            graph.addEdge(from: owner, to: accessor, kind: .accessor, site: graph.nodes[Int(accessor)].location)
        }
    }
}
