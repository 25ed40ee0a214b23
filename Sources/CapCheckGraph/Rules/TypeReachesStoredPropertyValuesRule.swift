import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// Making a value runs the initial values of its stored properties (`let token = getenv("…")`, `var fd = socket(…)`,
/// `@Probe var x`) before the initialiser's body, and the index records what they refer to as the property's, not the
/// initialiser's. A reached type reaches what each of its instance properties' own code refers to: the initial value
/// and the property wrapper's initialiser. Not the types the property's annotation names (no value of them is made), nor
/// its accessors: a computed property runs only when read. A `lazy var`'s initial value runs on first read, but the
/// index cannot tell it apart: it is reached with the type too (an over-approximation).
package struct TypeReachesStoredPropertyValuesRule: CallGraphRule {
    private static let typeKinds: Set<SymbolKind> = [.struct, .class, .enum, .protocol, .typealias, .union, .module]

    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (member, parent) in facts.parents where graph.nodes[Int(member)].kind == .instanceProperty {
            guard let type = graph.node(forUSR: facts.owningType(ofParent: parent)), type != member else { continue }
            for edge in graph.edges[Int(member)] {
                let target = graph.nodes[Int(edge.target)].kind
                // The property's type annotation names a type but makes no value of it (`var chain: Chain?`).
                guard edge.kind == .reference ? !Self.typeKinds.contains(target) : edge.kind == .propertyWrapper && target == .constructor
                else { continue }
                graph.addEdge(from: type, to: edge.target, kind: .storedPropertyValue, site: edge.site)
            }
        }
    }
}
