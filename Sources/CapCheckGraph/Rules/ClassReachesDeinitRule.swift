import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A class reached by reachable code reaches its `deinit`: the runtime runs it when the last reference
/// goes away, and nothing in the index records that call.
package struct ClassReachesDeinitRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (member, parent) in facts.parents where graph.nodes[Int(member)].kind == .destructor {
            guard let type = graph.node(forUSR: facts.owningType(ofParent: parent)) else { continue }
            graph.addEdge(from: type, to: member, kind: .deinitializer, site: graph.nodes[Int(member)].location)
        }
    }
}
