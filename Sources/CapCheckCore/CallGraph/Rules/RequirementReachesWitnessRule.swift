/// A use of a protocol requirement reaches every witness of it in the graph, and a use of a class
/// method reaches every override: dynamic dispatch may land on any of them.
/// (Index relation: the witness's or override's definition says `overrideOf` the requirement or base.)
struct RequirementReachesWitnessRule: CallGraphRule {
    func apply(to graph: CallGraph, facts: DeclarationFacts) {
        for (member, base) in facts.overrides {
            guard let requirement = graph.node(forUSR: base) else { continue }
            graph.addEdge(from: requirement, to: member, kind: .witness, site: graph.nodes[Int(member)].location)
        }
    }
}
