import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A conformance that names no type for an associated type takes its default (`associatedtype Helper: Helping =
/// RenamingHelper`), so code that makes a `P.Helper()` makes a `RenamingHelper`, and no code names it. An associated
/// type reaches what its declaration names: the default, and the constraints' protocols (an over-approximation).
package struct AssociatedTypeReachesDefaultRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (associatedType, named, site) in facts.associatedTypeDefaults {
            graph.addEdge(from: associatedType, to: named, kind: .associatedTypeDefault, site: site)
        }
    }
}
