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
        StaticObjectsRunAtLoadRule(),
        VariableTemplatesRunAtLoadRule(),
        DeclarationReachesItsDefaultsRule(),
        ConformerReachesInferredAssociatedTypesRule(),
        SynthesizedCodeReachesOverloadsRule(),
        PatternVariablesReachEachOtherRule(),
        CxxRecordReachesMembersRule(),
        CxxRecordReachesMemberFunctionsRule(),
        CxxRecordReachesAssociatedCodeRule(),
        TemplateReachesSpecializationsRule(),
        DecodableTypeReachesMemberTypesRule(),
    ]
}

extension GraphBuilder {
    /// The node id of a Swift USR referenced by a rule (C definitions are keyed per package and not looked up here).
    package func node(forUSR usr: String) -> Int32? { id(forKey: usr) }

    /// The node of a C-family USR as `member`'s code sees it: defined in `member`'s package (C definitions are keyed
    /// per package), else the node keyed by the USR alone (declared only, or the toolchain's).
    package func clangNode(forUSR usr: String, near member: Int32) -> Int32? {
        nodes[Int(member)].package.flatMap { id(forKey: $0 + "|" + usr) } ?? id(forKey: usr)
    }
}
