import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// Each instance of a C++ variable template with a dynamic initializer is initialised at load (an init array entry
/// pointing at compiler-made code, `__cxx_global_var_init`, that names no variable), whether or not code that runs
/// reads it: `template <class T> T seed = make_seed<T>()` instantiated by a function nothing calls, by an explicit
/// instantiation (`template int seed<int>;`), or specialised (`template <> int cfg<long> = make()`). So the program
/// start reaches a package's variable template (`c:@VT>1#T@seed`) or variable template specialisation
/// (`c:@cfg>#L`) whose initializer refers to a function, or whose type or initializer names a package's class (`template
/// <class T> Agg cfg{};`, whose constructor and default member initializers run), kind `run at program load or exit`:
/// an over-approximation for a template no code instantiates. Found by the twenty-sixth and twenty-seventh sweeps (each
/// made a folder at load with only `ffi` granted).
package struct VariableTemplatesRunAtLoadRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        guard let root = facts.root else { return }
        var variables: [Int32] = []
        for (id, node) in graph.nodes.enumerated()
        where node.kind == .variable && node.language.isClang && node.package != nil && node.isDefined && Self.isTemplated(node.usr) {
            if graph.edges[id].contains(where: { edge in
                let target = graph.nodes[Int(edge.target)]
                return target.kind.isFunction || (target.kind.isType && target.language.isClang && target.package != nil)
            }) { variables.append(Int32(id)) }
        }
        guard !variables.isEmpty else { return }
        let start = graph.programStart(of: root)
        for variable in variables { graph.addEdge(from: start, to: variable, kind: .loadTime, site: graph.nodes[Int(variable)].location) }
    }

    /// Whether a C-family variable's USR is a variable template's (`…@VT>…`) or one's specialisation (`c:@cfg>#L`: template
    /// arguments after the name, at namespace scope).
    static func isTemplated(_ usr: String) -> Bool {
        if usr.contains("@VT>") { return true }
        guard let last = usr.range(of: "@", options: .backwards) else { return false }
        return usr[last.upperBound...].contains(">")
    }
}
