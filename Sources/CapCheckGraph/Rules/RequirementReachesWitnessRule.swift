import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A use of a protocol requirement declared in the analysed sources reaches every witness of it in the graph,
/// and a use of a class method reaches every override: dynamic dispatch may land on any of them.
/// (Index relation: the witness's or override's definition says `overrideOf` the requirement or base.)
///
/// Requirements declared outside the analysed sources (`Decoder.container(keyedBy:)`, `Sequence.makeIterator`,
/// `Hashable.hash(into:)`, …) are left to `TypeReachesExternalConformanceWitnessesRule`: their witnesses run only
/// on values of a conforming type, and such a value exists only where that type is reached. An edge from the
/// toolchain's requirement to every conformer in the graph would make every `Decoder` in every package
/// reachable from any package that decodes anything.
///
/// The edge is conditional: the search takes it only once the witness's declaring type has been reached
/// (`CallGraph.witnessTypes`), so a conformer that nothing names — a `ChannelHandler` of a package whose
/// handlers are never installed — is not reached just because some code calls the requirement.
package struct RequirementReachesWitnessRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var parentOf: [Int32: String] = [:]
        for (member, parent) in facts.parents { parentOf[member] = parent }
        for (member, base) in facts.overrides {
            guard let requirement = graph.node(forUSR: base), graph.nodes[Int(requirement)].isDefined else { continue }
            graph.addEdge(from: requirement, to: member, kind: .witness, site: graph.nodes[Int(member)].location)
            if let parent = parentOf[member], let type = graph.node(forUSR: facts.owningType(ofParent: parent)) {
                graph.witnessTypes[member] = type
            }
        }
    }
}
