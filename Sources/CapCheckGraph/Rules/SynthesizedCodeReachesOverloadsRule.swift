import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// The code the compiler writes for a conformance (`init(from:)`, `encode(to:)`, `hash(into:)`, `==`, `<`) has no
/// source, so the index records none of its calls, and it picks what it calls by ordinary overload resolution in the
/// module, among the overloads every imported package declares: a package's `extension KeyedDecodingContainer { func
/// decode(_: Int.Type, forKey:) }` runs in place of the standard library's for every synthesized decoder of an `Int`,
/// the root's own types included, and a file-scope `func == (lhs: [Int], rhs: [Int])` for every synthesized `==` of an
/// `[Int]` member (found by the eighth sweep, confirmed at run time). No witness relation names them. So each such
/// package member — a function declared in an extension of a coding container, `Decoder`, `Encoder` or `Hasher`, and a
/// comparison operator that witnesses nothing, at file scope or in an extension of a toolchain type — hangs below the
/// program start (kind `synthesizedCall`).
package struct SynthesizedCodeReachesOverloadsRule: CallGraphRule {
    /// The toolchain types whose members synthesized conformances call.
    static let calledTypes: Set<String> = [
        "KeyedDecodingContainer", "KeyedEncodingContainer", "KeyedDecodingContainerProtocol", "KeyedEncodingContainerProtocol",
        "UnkeyedDecodingContainer", "UnkeyedEncodingContainer", "SingleValueDecodingContainer", "SingleValueEncodingContainer",
        "Decoder", "Encoder", "Hasher",
    ]
    /// The operators synthesized `Equatable`, `Comparable` and `RawRepresentable` code calls.
    static let calledOperators: Set<String> = ["==", "!=", "<", "<=", ">", ">=", "~="]

    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        guard let root = facts.root else { return }
        var parentOf: [Int32: String] = [:]
        for (member, parent) in facts.parents { parentOf[member] = parent }
        let witnesses = Set(facts.overrides.map(\.member))
        var overloads: [Int32] = []
        for (id, node) in graph.nodes.enumerated()
        where node.language == .swift && node.kind.isFunction && node.isDefined && node.package != nil {
            let isOperator = !witnesses.contains(Int32(id)) && Self.calledOperators.contains(String(node.name.prefix { $0 != "(" }))
            if let parent = parentOf[Int32(id)] {
                // In an extension of a toolchain type: a member of the called types, or an operator
                // (`extension Array where Element == Int { static func == … }`).
                let typeUSR = facts.owningType(ofParent: parent)
                guard typeUSR != parent, let type = graph.node(forUSR: typeUSR), graph.nodes[Int(type)].package == nil,
                      Self.calledTypes.contains(graph.nodes[Int(type)].name) || isOperator else { continue }
                overloads.append(Int32(id))
            } else if isOperator {
                overloads.append(Int32(id))
            }
        }
        guard !overloads.isEmpty else { return }
        let start = graph.programStart(of: root)
        for id in overloads {
            graph.addEdge(from: start, to: id, kind: .synthesizedCall, site: graph.nodes[Int(id)].location)
        }
    }
}
