import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// An implicit edge the index does not record but the program can take at run time.
/// Each rule lives in its own file under `Rules/`, is documented in `docs/semantics.md`, and has its own fixture.
package protocol CallGraphRule: Sendable {
    func apply(to graph: GraphBuilder, facts: DeclarationFacts)
}

package enum CallGraphRules {
    /// Order matters only for readability of witness paths: every rule adds edges independently.
    package static let all: [any CallGraphRule] = [
        RequirementReachesWitnessRule(),
        PropertyReachesAccessorsRule(),
        ConstructorReachesTypeRule(),
        ClassReachesDeinitRule(),
        TypeReachesExternalConformanceWitnessesRule(),
        TypeReachesInheritedMainRule(),
        TypeReachesSupertypesRule(),
        DeclarationReachesPropertyWrapperRule(),
        TypeReachesDynamicCallRule(),
        TypeReachesStoredPropertyValuesRule(),
        SubclassReachesSuperInitializersRule(),
    ]
}

extension GraphBuilder {
    /// The node id of a Swift USR referenced by a rule (C definitions are keyed per package and not looked up here).
    package func node(forUSR usr: String) -> Int32? { id(forKey: usr) }
}
