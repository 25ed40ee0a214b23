import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import Foundation

/// A C++ template reaches its explicit specialisations, kind `explicit specialisation of a reached template, which C++
/// picks for its arguments`: a call of `tweak(5)` names the template `tweak`, but the linker keeps the package's
/// strong `template <> int tweak<int>(int)` (defined in any file); `Traits<T>::go()` in a template names the primary's
/// `go`, and `run(5L)` runs `Traits<long>::go()`. The index relates a specialisation to its template
/// (`specializationOf`), but for a member of a class template specialised alone (`template <> int Box<int>::get()`),
/// found here by its USR (`c:@S@Box>#I@F@get#` is `c:@ST>1#T@Box@F@get#`'s, when the arguments name no type by USR).
/// A specialisation of a template no package defines (`template <> struct std::less<int>`, which `std::set<int>` uses
/// inside the toolchain's code) hangs below the program start. An over-approximation: every specialisation counts
/// wherever the template is reached. Found by the twenty-sixth sweep (each made a folder with only `ffi` granted).
package struct TemplateReachesSpecializationsRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (specialization, template) in facts.specializations {
            add(specialization, of: graph.clangNode(forUSR: template, near: specialization), to: graph, root: facts.root)
        }
        let primaries = primaryMembers(in: graph)
        guard !primaries.isEmpty else { return }
        for index in graph.nodes.indices {
            let node = graph.nodes[index]
            guard node.language.isClang, node.package != nil, node.kind.isFunction,
                  let key = Self.key(ofSpecializedMember: node.usr), let primary = primaries[key] else { continue }
            add(Int32(index), of: primary, to: graph, root: facts.root)
        }
    }

    private func add(_ specialization: Int32, of template: Int32?, to graph: GraphBuilder, root: Package?) {
        let site = graph.nodes[Int(specialization)].location
        if let template, template != specialization, graph.nodes[Int(template)].package != nil {
            graph.addEdge(from: template, to: specialization, kind: .specialization, site: site)
        } else if let root {
            graph.addEdge(from: graph.programStart(of: root), to: specialization, kind: .specialization, site: site)
        }
    }

    /// The members of class templates (`c:@ST>1#T@Box@F@get#`), by `key(ofSpecializedMember:)`'s key.
    private func primaryMembers(in graph: GraphBuilder) -> [String: Int32] {
        var members: [String: Int32] = [:]
        for index in graph.nodes.indices where graph.nodes[index].language.isClang && graph.nodes[index].usr.contains("@ST>") {
            let usr = graph.nodes[index].usr
            let range = NSRange(usr.startIndex..., in: usr)
            guard let match = Self.primaryMember.firstMatch(in: usr, range: range) else { continue }
            let parts = (1...3).map { String(usr[Range(match.range(at: $0), in: usr)!]) }
            let key = parts.joined(separator: "|")
            if members[key] == nil { members[key] = Int32(index) }
        }
        return members
    }

    /// `c:@N@n@S@Box>#I@F@get#` → `c:@N@n|Box|get#`: a member function of a class template's specialisation whose
    /// arguments name no type by USR (no `@` in them), keyed as its primary's member is.
    static func key(ofSpecializedMember usr: String) -> String? {
        let range = NSRange(usr.startIndex..., in: usr)
        guard usr.contains(">"), let match = specializedMember.firstMatch(in: usr, range: range) else { return nil }
        return (1...3).map { String(usr[Range(match.range(at: $0), in: usr)!]) }.joined(separator: "|")
    }

    private static let primaryMember = try! NSRegularExpression(pattern: #"^(c:.*?)@ST>[^@]*@([A-Za-z_][A-Za-z0-9_]*)@F@(.*)$"#)
    private static let specializedMember = try! NSRegularExpression(pattern: #"^(c:.*?)@S@([A-Za-z_][A-Za-z0-9_]*)>#[^@]*@F@(.*)$"#)
}
