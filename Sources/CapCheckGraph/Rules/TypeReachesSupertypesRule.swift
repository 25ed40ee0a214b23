import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A value of a type is also a value of every type it inherits from: a subclass reaches its superclass, a
/// conforming type the protocols it adopts (in its declaration or in an extension, conditional conformances
/// included), a refining protocol the protocols it refines. (Index relation: the supertype's occurrence in an
/// inheritance clause says `baseOf` the type or the extension; `extendedBy` maps an extension to its type.)
///
/// What a supertype's existence implies then holds for every reached subtype: a default implementation in a
/// protocol extension or a witness declared in a superclass is gated on its declaring type
/// (`RequirementReachesWitnessRule`), and it runs on a value of any conforming type or subclass — Hummingbird's
/// `Application` runs `ApplicationProtocol.run()` for ServiceLifecycle's `Service.run()` though no reached code
/// names `ApplicationProtocol`. The supertype's implicit conformance calls and a superclass's `deinit` follow the
/// same way. Only supertypes declared in the analysed sources get an edge (the toolchain's have no code here).
///
/// A toolchain type that a package makes adopt its protocol (`extension Int: Loud {}`) has values no analysed code
/// names (the literal `5` in `print(5)`), so the protocol hangs below the program start too: `Loud`'s default
/// `write(to:)`, a witness of the toolchain's `TextOutputStreamable`, ran for `print(5)` (the thirtieth sweep's).
package struct TypeReachesSupertypesRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        let start = facts.root.map { graph.programStart(of: $0) }
        for (type, base) in facts.inheritances {
            guard let subtype = graph.node(forUSR: facts.owningType(ofParent: type)),
                  let supertype = graph.node(forUSR: base), graph.nodes[Int(supertype)].isDefined,
                  subtype != supertype else { continue }
            graph.addEdge(from: subtype, to: supertype, kind: .supertype, site: graph.nodes[Int(subtype)].location)
            if !graph.nodes[Int(subtype)].isDefined, let start {
                graph.addEdge(from: start, to: supertype, kind: .supertype, site: graph.nodes[Int(supertype)].location)
            }
        }
    }
}
