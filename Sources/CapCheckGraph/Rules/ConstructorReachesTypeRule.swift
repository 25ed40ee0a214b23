import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// Calling an initializer, or naming an enum case (`var shade: Shade = .dark`), reaches its type: the value now exists,
/// so what the type's existence implies (its `deinit`, the conformances the toolchain calls implicitly: `print`'s
/// `description`, a synthesized `==` calling the member's) is reachable too.
package struct ConstructorReachesTypeRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (member, parent) in facts.parents where [.constructor, .enumConstant].contains(graph.nodes[Int(member)].kind) {
            guard let type = graph.node(forUSR: facts.owningType(ofParent: parent)) else { continue }
            graph.addEdge(from: member, to: type, kind: .construction, site: graph.nodes[Int(member)].location)
        }
    }
}
