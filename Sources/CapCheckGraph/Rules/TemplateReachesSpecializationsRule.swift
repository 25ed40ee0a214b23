import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore

/// A C++ template reaches its explicit specialisations, kind `explicit specialisation of a reached template, which C++
/// picks for its arguments`: a call of `tweak(5)` names the template `tweak`, but the linker keeps the package's
/// strong `template <> int tweak<int>(int)` (defined in any file); `Traits<T>::go()` in a template names the primary's
/// `go`, and `run(5L)` runs `Traits<long>::go()`. The index relates a specialisation to its template
/// (`specializationOf`), but not a member function of a class template specialised alone (`template <> int
/// Box<std::string>::get()`, `template <> template <> int Outer<int>::Inner<int>::go()`): such a member is reached from
/// every member of the same name of a class template of its class's name (`Box`), whatever the arguments and the
/// signature (which its USR spells with the arguments). A specialisation of a template no package defines
/// (`template <> struct std::less<int>`, `template <> void std::default_delete<Foo>::operator()(Foo *) const`, called
/// inside the toolchain's `std::set` and `unique_ptr`, which are not read) hangs below the program start. An
/// over-approximation: every specialisation counts wherever a template of its name is reached. Found by the
/// twenty-sixth and twenty-seventh sweeps (each made a folder with only `ffi` granted).
package struct TemplateReachesSpecializationsRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (specialization, template) in facts.specializations {
            add(specialization, from: graph.clangNode(forUSR: template, near: specialization).map { [$0] } ?? [], to: graph, root: facts.root)
        }
        // Members of class templates (their parent's USR is a primary's, `c:@ST>1#T@Box`, or nested in one), by the
        // class's and the member's names; members of specialisations (`c:@S@Box>#I`) find theirs there.
        var primaries: [String: [Int32]] = [:]
        var specialized: [(member: Int32, parent: String, key: String)] = []
        for (member, parent, parentName) in facts.templateMembers {
            let node = graph.nodes[Int(member)]
            guard node.kind.isFunction else { continue }
            let key = parentName + "::" + node.name
            if parent.contains("@ST>") { primaries[key, default: []].append(member) } else { specialized.append((member, parent, key)) }
        }
        for (member, parent, key) in specialized where graph.nodes[Int(member)].package != nil {
            // A member of a class specialised as a whole (`template <> struct Traits<long>`) comes with its class
            // (`specializationOf`, then `CxxRecordReachesMemberFunctionsRule`): only one specialised alone is matched.
            if let record = graph.clangNode(forUSR: parent, near: member), graph.nodes[Int(record)].isDefined { continue }
            add(member, from: primaries[key] ?? [], to: graph, root: facts.root)
        }
    }

    /// Edges from each of `templates` that a package defines to `specialization`; from the program start when none does.
    private func add(_ specialization: Int32, from templates: [Int32], to graph: GraphBuilder, root: Package?) {
        let site = graph.nodes[Int(specialization)].location
        let defined = templates.filter { $0 != specialization && graph.nodes[Int($0)].package != nil }
        for template in defined {
            graph.addEdge(from: template, to: specialization, kind: .specialization, site: site)
        }
        if defined.isEmpty, let root {
            graph.addEdge(from: graph.programStart(of: root), to: specialization, kind: .specialization, site: site)
        }
    }
}
