import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A conformance infers an associated type from a witness's signature (`func sample() -> Hidden` makes `Payload`
/// `Hidden`), and generic code then makes values of it on the metatype (`let _: P.Payload = 7` runs
/// `Hidden.init(integerLiteral:)`, `P.Payload(from: decoder)` its `init(from:)`) though no code names `Hidden` and the
/// witness itself never runs. The index records no such inference, so a reached type reaches the package types its
/// witnesses of a protocol with associated types refer to (kind `type named by the declaration`): only types, so what
/// those types do runs only through their own conformances (found by the sixth sweep). A protocol extension's default
/// witness does the same for each conformer that takes it (found by the seventeenth sweep). A toolchain conformer
/// (`extension Int: Maker {}`) has values no analysed code names, so for it the types hang below the program start
/// (the thirtieth sweep's `forge(5)` made an `Ember`).
///
/// An explicit binding (`typealias Payload = Hidden`) needs no rule: the associated type reaches its witness typealias,
/// which reaches the type it names (`DeclarationReachesItsDefaultsRule`).
package struct ConformerReachesInferredAssociatedTypesRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var parentOf: [Int32: String] = [:]
        for (member, parent) in facts.parents { parentOf[member] = parent }
        // The protocols of the analysed sources that declare an associated type.
        var withAssociatedTypes = Set<String>()
        for (member, parent) in facts.parents where graph.nodes[Int(member)].kind == .typealias && graph.nodes[Int(member)].usr.hasSuffix("Qa") {
            withAssociatedTypes.insert(parent)
        }
        guard !withAssociatedTypes.isEmpty else { return }
        let start = facts.root.map { graph.programStart(of: $0) }
        // A protocol extension's default witness infers the type for each conformer that takes it (`extension Maker {
        // func unit() -> Ember }`, `struct Forge: Maker {}`: the seventeenth sweep's): the conformance's implicit
        // occurrence of the witness names the conformer.
        var conformersOf: [Int32: [String]] = [:]
        for (witness, conformer) in facts.conformanceWitnesses { conformersOf[witness, default: []].append(conformer) }
        for (member, base) in facts.overrides {
            guard let requirement = graph.node(forUSR: base), graph.nodes[Int(requirement)].isDefined,
                  let requirementParent = parentOf[requirement], withAssociatedTypes.contains(requirementParent),
                  let parent = parentOf[member] else { continue }
            var owners = [facts.owningType(ofParent: parent)]  // in a fixed order: edges are searched in the order added
            for conformer in conformersOf[member] ?? [] where !owners.contains(facts.owningType(ofParent: conformer)) {
                owners.append(facts.owningType(ofParent: conformer))
            }
            for owner in owners {
                guard let type = graph.node(forUSR: owner), [.struct, .class, .enum].contains(graph.nodes[Int(type)].kind) else { continue }
                guard let source = graph.nodes[Int(type)].isDefined ? type : start else { continue }
                for edge in graph.edges[Int(member)] where edge.kind == .reference {
                    let named = graph.nodes[Int(edge.target)]
                    guard named.kind.isType, named.package != nil, edge.target != type else { continue }
                    graph.addEdge(from: source, to: edge.target, kind: .namedType, site: edge.site)
                }
            }
        }
    }
}
