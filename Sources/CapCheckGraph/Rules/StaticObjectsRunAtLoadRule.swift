import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A C++ object of static storage duration (a global, namespace-scope or static member variable) whose class has a
/// destructor is constructed at load and destroyed at exit, though no call names either: the program start reaches
/// the variable, and through its class (`ClassReachesDeinitRule`) the destructor (`static Cleaner cleaner;` with a
/// `~Cleaner()` that deletes a file).
package struct StaticObjectsRunAtLoadRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        guard let root = facts.root else { return }
        var destroyed = Set<Int32>()
        for (member, parent) in facts.parents where graph.nodes[Int(member)].kind == .destructor && graph.nodes[Int(member)].language.isClang {
            if let type = graph.clangNode(forUSR: facts.owningType(ofParent: parent), near: member) { destroyed.insert(type) }
        }
        guard !destroyed.isEmpty else { return }
        var objects: [Int32] = []
        for (id, node) in graph.nodes.enumerated() where node.kind == .variable && node.language.isClang && node.isDefined {
            if graph.edges[id].contains(where: { destroyed.contains($0.target) }) { objects.append(Int32(id)) }
        }
        guard !objects.isEmpty else { return }
        let start = graph.programStart(of: root)
        for object in objects { graph.addEdge(from: start, to: object, kind: .loadTime, site: graph.nodes[Int(object)].location) }
    }
}
