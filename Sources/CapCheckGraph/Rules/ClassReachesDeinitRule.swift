import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A class reached by reachable code reaches its `deinit`: the runtime runs it when the last reference
/// goes away, and nothing in the index records that call. So does a C++ class its destructor (run when an object
/// goes out of scope, is deleted, or, for a global, at exit).
package struct ClassReachesDeinitRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (member, parent) in facts.parents where graph.nodes[Int(member)].kind == .destructor {
            let owner = facts.owningType(ofParent: parent)
            let isClang = graph.nodes[Int(member)].language.isClang
            guard let type = isClang ? graph.clangNode(forUSR: owner, near: member) : graph.node(forUSR: owner) else { continue }
            graph.addEdge(from: type, to: member, kind: .deinitializer, site: graph.nodes[Int(member)].location)
        }
    }
}
