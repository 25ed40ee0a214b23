import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A type reaches its witnesses of requirements declared outside the analysed sources (stdlib, Foundation):
/// the toolchain calls them implicitly — `description` from `print`, `hash(into:)` and `==` from
/// `Set`/`Dictionary`, `makeIterator`/`next` from `for … in`, `init(from:)`/`encode(to:)` from coders,
/// `ExpressibleBy…Literal` initializers, `errorDescription`, … — and no use site is recorded. On a toolchain type
/// (`extension UInt8: TextOutputStreamable`), values exist that no analysed code names (`"abc".utf8.first!`), so the
/// witness hangs below the program start instead. A witness with no parent type (a file-scope operator) belongs to the
/// conformances that take it.
package struct TypeReachesExternalConformanceWitnessesRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var parentOf: [Int32: String] = [:]
        for (member, parent) in facts.parents { parentOf[member] = parent }
        var conformersOf: [Int32: [String]] = [:]
        for (witness, conformer) in facts.conformanceWitnesses { conformersOf[witness, default: []].append(conformer) }
        for (member, base) in facts.overrides {
            // Requirements of protocols in the analysed sources are handled by RequirementReachesWitnessRule.
            if let requirement = graph.node(forUSR: base), graph.nodes[Int(requirement)].isDefined { continue }
            guard !graph.nodes[Int(member)].language.isClang else { continue }  // C++: the witness rule
            // A file-scope operator (`func == (a: Tag, b: Tag)`) has no parent: the conformances that take it say whose
            // witness it is. One that no conformance names hangs below the program start. (A toolchain default a
            // conformance takes, `Sequence.withContiguousStorageIfAvailable`, is the toolchain's code, not the package's.)
            guard parentOf[member] != nil || graph.nodes[Int(member)].package != nil else { continue }
            let owners = parentOf[member].map { [$0] } ?? conformersOf[member] ?? []
            let site = graph.nodes[Int(member)].location
            var fromProgramStart = owners.isEmpty
            for owner in Set(owners).sorted() {
                if let type = graph.node(forUSR: facts.owningType(ofParent: owner)), graph.nodes[Int(type)].isDefined {
                    graph.addEdge(from: type, to: member, kind: .conformance, site: site)
                } else {
                    fromProgramStart = true
                }
            }
            if fromProgramStart, let root = facts.root {
                graph.addEdge(from: graph.programStart(of: root), to: member, kind: .conformance, site: site)
            }
        }
    }
}
