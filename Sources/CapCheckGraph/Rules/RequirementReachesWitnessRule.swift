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
/// handlers are never installed — is not reached just because some code calls the requirement. Not for an
/// initializer or a static requirement: generic code calls those on a metatype (`T.Helper()`), and the type behind it
/// may be named nowhere (an associated type inferred from a witness's signature, a typealias's or a superclass's
/// generic argument).
///
/// A protocol extension's default implementation is declared by the protocol, which any use of the protocol reaches.
/// It runs only for a conforming type that takes it as its witness: each conformance records the witnesses it takes
/// from elsewhere (`DeclarationFacts.conformanceWitnesses`), whether the conformance is declared on the type, in an
/// extension, retroactively, through a refined protocol, by a superclass, or under a constrained extension. So a
/// default's edge waits for one of those conformers (through a gate node each of them reaches), and a default that
/// every reached conformer replaces with its own implementation is not reached. A default that no recorded
/// conformance takes keeps the protocol as its gate (the index cannot tell who uses it); one that a toolchain type takes
/// is not gated (values of a toolchain type exist that no analysed code names: a byte of a string's `utf8`).
package struct RequirementReachesWitnessRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var parentOf: [Int32: String] = [:]
        for (member, parent) in facts.parents { parentOf[member] = parent }
        var conformers: [Int32: Set<Int32>] = [:]
        for (witness, conformer) in facts.conformanceWitnesses {
            if let type = graph.node(forUSR: facts.owningType(ofParent: conformer)) { conformers[witness, default: []].insert(type) }
        }
        for (member, base) in facts.overrides {
            if graph.nodes[Int(member)].language.isClang {
                addVirtualOverride(member, of: base, to: graph, root: facts.root)
                continue
            }
            guard let requirement = graph.node(forUSR: base), graph.nodes[Int(requirement)].isDefined else { continue }
            graph.addEdge(from: requirement, to: member, kind: .witness, site: graph.nodes[Int(member)].location)
            // An initializer or static requirement is called on a metatype (`T.Helper()`, `T.make()`), and a metatype
            // needs no value of its type, nor a name of it: a conformance can infer an associated type, a typealias
            // or a superclass can pass a generic argument. Such witnesses are not gated on their type.
            guard !Self.metatypeKinds.contains(graph.nodes[Int(requirement)].kind) else { continue }
            guard graph.witnessTypes[member] == nil, let parent = parentOf[member],
                  let type = graph.node(forUSR: facts.owningType(ofParent: parent)) else { continue }
            if graph.nodes[Int(type)].kind == .protocol, let users = conformers[member], !users.isEmpty {
                // A toolchain type taking the default (`extension UInt8: Runner`): values of it exist that no analysed
                // code names, so the default is not gated, as a witness declared on such a type is not (below).
                guard users.allSatisfy({ graph.nodes[Int($0)].isDefined }) else { continue }
                graph.witnessTypes[member] = gate(for: member, users: users, in: graph)
            } else if graph.nodes[Int(type)].isDefined || graph.nodes[Int(member)].language != .swift {
                graph.witnessTypes[member] = type
            }  // a toolchain type's (`extension Double: Runner`): values of it exist that no analysed code names, so ungated
        }
    }

    /// Requirements called on a type rather than on a value.
    private static let metatypeKinds: Set<SymbolKind> = [.constructor, .staticMethod, .classMethod, .staticProperty, .classProperty]

    /// A C++ (or Objective-C) method overriding `base`: a call through the base's method may run it (`b->run()` on an
    /// `Evil`), ungated, since C-family types are keyed per package; an override of a base no analysed code names
    /// (a toolchain class's virtual, called by the toolchain's own code) hangs below the program start.
    private func addVirtualOverride(_ member: Int32, of base: String, to graph: GraphBuilder, root: Package?) {
        let site = graph.nodes[Int(member)].location
        if let requirement = graph.clangNode(forUSR: base, near: member), requirement != member {
            graph.addEdge(from: requirement, to: member, kind: .witness, site: site)
        } else if let root {
            graph.addEdge(from: graph.programStart(of: root), to: member, kind: .witness, site: site)
        }
    }

    /// A node reached from every type whose conformance takes `member` as a witness.
    private func gate(for member: Int32, users: Set<Int32>, in graph: GraphBuilder) -> Int32 {
        let witness = graph.nodes[Int(member)]
        let key = "conformers-taking|" + witness.usr
        let gate = graph.addNode(key: key, GraphNode(usr: key, name: "conformers taking \(witness.name) as their witness", kind: .unknown,
                                                     language: .swift, package: nil, module: nil, location: nil, isFileMain: false))
        for type in users.sorted() { graph.addEdge(from: type, to: gate, kind: .conformance, site: graph.nodes[Int(type)].location) }
        return gate
    }
}
