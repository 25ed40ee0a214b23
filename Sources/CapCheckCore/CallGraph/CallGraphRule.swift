/// An implicit edge the index does not record but the program can take at run time.
/// Each rule lives in its own file under `Rules/`, is documented in `docs/semantics.md`, and has its own fixture.
protocol CallGraphRule: Sendable {
    func apply(to graph: CallGraph, facts: DeclarationFacts)
}

enum CallGraphRules {
    /// Order matters only for readability of witness paths: every rule adds edges independently.
    static let all: [any CallGraphRule] = [
        RequirementReachesWitnessRule(),
        PropertyReachesAccessorsRule(),
        ConstructorReachesTypeRule(),
        ClassReachesDeinitRule(),
        TypeReachesExternalConformanceWitnessesRule(),
    ]
}

extension CallGraph {
    /// The node id for a USR referenced by a rule: the Swift node, or the first C definition.
    func node(forUSR usr: String) -> Int32? { id(forKey: usr) }
}
