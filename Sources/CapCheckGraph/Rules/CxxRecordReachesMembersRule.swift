import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A C++ object is built by constructors the compiler calls without a call expression the index records: an implicit
/// constructor runs the default member initializers (`int status = sweep();`) and the constructors of the members and
/// bases (`struct Machine { Part part; }`). A reached C-family record reaches its fields (whose initializers the index
/// attributes to them) and its constructors, kind `member or base built by an implicit constructor`; a field names its
/// type, whose constructors follow the same way (an over-approximation: every constructor of a reached record).
package struct CxxRecordReachesMembersRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (member, parent) in facts.parents {
            let node = graph.nodes[Int(member)]
            guard node.language.isClang, node.kind == .field || node.kind == .constructor,
                  let record = graph.clangNode(forUSR: parent, near: member), record != member else { continue }
            graph.addEdge(from: record, to: member, kind: .memberConstruction, site: node.location)
        }
    }
}
