import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A `Decodable` type whose `init(from:)` the compiler synthesizes makes its stored properties' values by decoding them,
/// through each member type's own `init(from:)`, and the index records none of it. Such a type reaches the types its
/// instance properties and enum cases' payloads name. A type that writes its own `init(from:)` (a witness of
/// `Decodable`'s, not merely one of that name) is left to what that code names. A `Decodable` or `Encodable` type
/// reaches its own `CodingKeys` too (the synthesized code makes its values, so a custom `stringValue` runs). A type is
/// `Decodable` through a protocol refining it too (`protocol Model: Decodable`, `struct Preset: Model`): the compiler
/// synthesizes its `init(from:)` all the same.
package struct DecodableTypeReachesMemberTypesRule: CallGraphRule {
    private static let decodable = "s:Se", encodable = "s:SE"
    /// `Decodable` and the toolchain's protocols that refine it without implementing `init(from:)` (read from the
    /// toolchain modules' symbol graphs, `swift symbolgraph-extract`): a type adopting one has it synthesized.
    /// (`SIMD` refines it too, and implements it.) The value analysis names the same protocols
    /// (`ValueTracer.decodableProtocols`).
    static let decodableProtocols: Set<String> = [
        decodable, "s:20FoundationEssentials11FormatStyleP", "s:20FoundationEssentials13ParseStrategyP",
        "s:20FoundationEssentials19DiscreteFormatStyleP", "s:20FoundationEssentials20ParseableFormatStyleP",
        "s:20FoundationEssentials27StandardPredicateExpressionP",
    ]
    private static let typeKinds: Set<SymbolKind> = [.struct, .class, .enum, .typealias, .union]

    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        // A Codable type's own `CodingKeys` (a custom `stringValue`) is made by the synthesized coding code only.
        let codingTypes = Self.types(inheriting: Self.decodableProtocols.union([Self.encodable]), facts: facts, graph: graph)
        for (member, parent) in facts.parents where graph.nodes[Int(member)].name.hasSuffix("CodingKeys")
            && Self.typeKinds.contains(graph.nodes[Int(member)].kind) && codingTypes.contains(facts.owningType(ofParent: parent)) {
            if let type = graph.node(forUSR: facts.owningType(ofParent: parent)) {
                graph.addEdge(from: type, to: member, kind: .decodedMember, site: graph.nodes[Int(member)].location)
            }
        }
        let decodableTypes = Self.types(inheriting: Self.decodableProtocols, facts: facts, graph: graph)
        guard !decodableTypes.isEmpty else { return }
        var members: [String: [Int32]] = [:]
        var writesInitializer = Set<String>()
        let decoderInitializers = Self.decoderInitializers(facts: facts, graph: graph)
        for (member, parent) in facts.parents {
            let type = facts.owningType(ofParent: parent)
            guard decodableTypes.contains(type) else { continue }
            let node = graph.nodes[Int(member)]
            if decoderInitializers.contains(member) { writesInitializer.insert(type) }
            if node.kind == .instanceProperty || node.kind == .enumConstant { members[type, default: []].append(member) }
        }
        for (type, list) in members where !writesInitializer.contains(type) {
            guard let typeNode = graph.node(forUSR: type) else { continue }
            for member in list {
                for edge in graph.edges[Int(member)] where edge.kind == .reference && Self.typeKinds.contains(graph.nodes[Int(edge.target)].kind) {
                    graph.addEdge(from: typeNode, to: edge.target, kind: .decodedMember, site: edge.site)
                }
            }
        }
    }

    /// `Decodable.init(from:)`'s witnesses and their overrides: a type's own initializer counts only when it is one of
    /// these, not when it has the name (`init(from text: String)` leaves the synthesized one in place).
    static func decoderInitializers(facts: DeclarationFacts, graph: GraphBuilder) -> Set<Int32> {
        var bases: Set<String> = [decoderInitializer], found = Set<Int32>(), grew = true
        while grew {
            grew = false
            for (member, base) in facts.overrides where bases.contains(base) && found.insert(member).inserted {
                bases.insert(graph.nodes[Int(member)].usr)
                grew = true
            }
        }
        return found
    }

    /// `Decodable.init(from:)`.
    private static let decoderInitializer = "s:Se4fromxs7Decoder_p_tKcfc"

    /// The types (not protocols) that inherit one of `bases` directly or through protocols that refine it.
    static func types(inheriting bases: Set<String>, facts: DeclarationFacts, graph: GraphBuilder) -> Set<String> {
        var protocols = bases, found = Set<String>(), grew = true
        while grew {
            grew = false
            for (type, base) in facts.inheritances where protocols.contains(base) {
                let owner = facts.owningType(ofParent: type)
                if let node = graph.node(forUSR: owner), graph.nodes[Int(node)].kind == .protocol {
                    if protocols.insert(owner).inserted { grew = true }
                } else {
                    found.insert(owner)
                }
            }
        }
        return found
    }
}
