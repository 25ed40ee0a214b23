import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A `Decodable` type whose `init(from:)` the compiler synthesizes makes its stored properties' values by decoding them,
/// through each member type's own `init(from:)`, and the index records none of it. Such a type reaches the types its
/// instance properties and enum cases' payloads name. A type that writes its own `init(from:)` is left to what that
/// code names. A `Decodable` or `Encodable` type reaches its own `CodingKeys` too (the synthesized code makes its
/// values, so a custom `stringValue` runs).
package struct DecodableTypeReachesMemberTypesRule: CallGraphRule {
    private static let decodable = "s:Se", encodable = "s:SE"
    private static let typeKinds: Set<SymbolKind> = [.struct, .class, .enum, .typealias, .union]

    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        // A Codable type's own `CodingKeys` (a custom `stringValue`) is made by the synthesized coding code only.
        let codingTypes = Set(facts.inheritances.filter { $0.base == Self.decodable || $0.base == Self.encodable }.map { facts.owningType(ofParent: $0.type) })
        for (member, parent) in facts.parents where graph.nodes[Int(member)].name.hasSuffix("CodingKeys")
            && Self.typeKinds.contains(graph.nodes[Int(member)].kind) && codingTypes.contains(facts.owningType(ofParent: parent)) {
            if let type = graph.node(forUSR: facts.owningType(ofParent: parent)) {
                graph.addEdge(from: type, to: member, kind: .decodedMember, site: graph.nodes[Int(member)].location)
            }
        }
        let decodableTypes = Set(facts.inheritances.filter { $0.base == Self.decodable }.map { facts.owningType(ofParent: $0.type) })
        guard !decodableTypes.isEmpty else { return }
        var members: [String: [Int32]] = [:]
        var writesInitializer = Set<String>()
        for (member, parent) in facts.parents {
            let type = facts.owningType(ofParent: parent)
            guard decodableTypes.contains(type) else { continue }
            let node = graph.nodes[Int(member)]
            if node.kind == .constructor && node.name.hasSuffix("init(from:)") { writesInitializer.insert(type) }
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
}
