import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A declaration that names a property wrapper type — the wrapped property (`@Listed("/tmp") var files`), a
/// function with a wrapped local variable or parameter — reaches the wrapper's `wrappedValue` and `projectedValue`:
/// every read or write of the wrapped name (`files`, `$files`, `count += 1`) runs them, and the index records none of
/// those calls (only the wrapper's type and initializer, `containedBy` the declaration). So does its
/// `init(projectedValue:)`, which a call passing a projection to a wrapped parameter runs (`shown($value: $level)`).
///
/// A wrapper with a static `subscript(_enclosingInstance:wrapped:storage:)` (or `projected:`) runs that instead for a
/// property of a class: those subscripts are reached too.
///
/// A wrapper type is one with a member named `wrappedValue` (the `@propertyWrapper` attribute is not in the index).
/// A declaration that names such a type for another reason (a parameter of the wrapper's type) reaches the members
/// too: an over-approximation limited to wrapper types.
package struct DeclarationReachesPropertyWrapperRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var members: [String: [Int32]] = [:]  // wrapper type USR → its wrappedValue and projectedValue properties
        var typeOfConstructor: [Int32: String] = [:]
        for (member, parent) in facts.parents {
            let node = graph.nodes[Int(member)]
            let type = facts.owningType(ofParent: parent)
            if node.kind == .instanceProperty, node.name == "wrappedValue" || node.name == "projectedValue" || Self.isEnclosingInstanceSubscript(node) {
                members[type, default: []].append(member)
            } else if node.kind == .constructor, node.name.hasPrefix("init(projectedValue:") {
                members[type, default: []].append(member)
                typeOfConstructor[member] = type
            } else if node.kind == .constructor {
                typeOfConstructor[member] = type
            }
        }
        guard !members.isEmpty else { return }
        // Keyed by the name `wrappedValue`: an enclosing-instance subscript alone does not make a wrapper type.
        var wrapperOf: [Int32: [Int32]] = [:]  // a wrapper type's node, or one of its initializers → the members
        for (type, list) in members {
            guard list.contains(where: { graph.nodes[Int($0)].name == "wrappedValue" }) else { continue }
            if let node = graph.node(forUSR: type) { wrapperOf[node] = list }
        }
        for (constructor, type) in typeOfConstructor {
            if let node = graph.node(forUSR: type), let list = wrapperOf[node] { wrapperOf[constructor] = list }
        }
        for declaration in graph.nodes.indices {
            let targets = graph.edges[declaration].filter { $0.kind == .reference }.compactMap { wrapperOf[$0.target] != nil ? $0 : nil }
            for edge in targets {
                for member in wrapperOf[edge.target]! where Int(member) != declaration {
                    graph.addEdge(from: Int32(declaration), to: member, kind: .propertyWrapper, site: edge.site)
                }
            }
        }
    }

    /// `static subscript(_enclosingInstance:wrapped:storage:)` and `(_enclosingInstance:projected:storage:)`.
    private static func isEnclosingInstanceSubscript(_ node: GraphNode) -> Bool {
        node.name.hasPrefix("subscript(_enclosingInstance:")
    }
}
