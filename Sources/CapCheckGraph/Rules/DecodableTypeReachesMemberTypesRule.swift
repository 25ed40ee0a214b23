import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A `Decodable` type whose `init(from:)` the compiler synthesizes makes its stored properties' values by decoding them,
/// through each member type's own `init(from:)`, and the index records none of it. Such a type reaches the types its
/// instance properties and enum cases' payloads name. A type that writes its own `init(from:)` is left to what that
/// code names.
package struct DecodableTypeReachesMemberTypesRule: CallGraphRule {
    private static let decodable = "s:Se"
    private static let typeKinds: Set<SymbolKind> = [.struct, .class, .enum, .typealias, .union]

    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
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
