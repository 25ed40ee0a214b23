import CapCheckModel

/// The implicit-edge rules (`CallGraphRules.all`, one file each in `Rules/`) as one pass over the graph the index
/// store gave, with the definition facts gathered while it was built.
package struct ImplicitEdgeRules: GraphPass {
    package let facts: DeclarationFacts

    package init(facts: DeclarationFacts) { self.facts = facts }

    package func apply(to graph: GraphBuilder) -> [Unanalyzed] {
        for rule in CallGraphRules.all { rule.apply(to: graph, facts: facts) }
        return []
    }
}
