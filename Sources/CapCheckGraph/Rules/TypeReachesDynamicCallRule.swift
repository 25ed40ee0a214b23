import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A type reaches its `dynamicallyCall(withArguments:)` and `dynamicallyCall(withKeywordArguments:)`: on a
/// `@dynamicCallable` type, `shell("ls")` calls one of them, and the index records no call (only the value's read).
package struct TypeReachesDynamicCallRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (member, parent) in facts.parents {
            let node = graph.nodes[Int(member)]
            guard node.kind == .instanceMethod || node.kind == .staticMethod, node.name.hasPrefix("dynamicallyCall(with"),
                  let type = graph.node(forUSR: facts.owningType(ofParent: parent)) else { continue }
            graph.addEdge(from: type, to: member, kind: .dynamicCall, site: node.location)
        }
    }
}
