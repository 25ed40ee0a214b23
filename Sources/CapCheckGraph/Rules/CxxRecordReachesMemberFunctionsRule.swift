import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// C++ calls members no call expression names: a structured binding calls `get<N>()`, a defaulted `operator=` or
/// `operator==` calls the members', a comparison rewritten to `operator<=>` calls it, a coroutine calls its promise's
/// `initial_suspend`/`return_void` and its awaiters' `await_ready`/`await_suspend`/`await_resume`, a conversion calls
/// `operator T()`. The index records none of them. So a reached C-family record reaches every member function,
/// nested type and member type alias (`using promise_type = Promise;`, the twenty-first sweep's) it declares (constructors and fields: `CxxRecordReachesMembersRule`), kind `member of a reached C++
/// type, which C++ may call implicitly`: an over-approximation, for package code only.
package struct CxxRecordReachesMemberFunctionsRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (member, parent) in facts.parents {
            let node = graph.nodes[Int(member)]
            guard node.language.isClang, node.package != nil, node.kind != .constructor,
                  node.kind.isFunction || node.kind.isType || node.kind == .typealias,
                  let record = graph.clangNode(forUSR: parent, near: member), record != member,
                  graph.nodes[Int(record)].kind.isType else { continue }
            graph.addEdge(from: record, to: member, kind: .cxxMember, site: node.location)
        }
    }
}
