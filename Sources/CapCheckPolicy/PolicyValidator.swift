import CapCheckSupport
import CapCheckModel
import CapCheckCatalog

/// Checks a parsed policy against the real package graph.
public enum PolicyValidator {
    /// Validates every grant, top-level and nested, against the package graph.
    ///
    /// - Parameters:
    ///   - packages: every package identity in the graph, mapped to its module names.
    ///   - dependencies: each identity's transitive dependency identities.
    ///   - root: the root package's identity; it holds every capability and may not be listed.
    /// - Throws: one `CapCheckError(.policy, …)` listing every problem, one `file:line:col: …` line each, in file order:
    ///   unknown packages or modules (with suggestions), the root listed, a nested key that is not a dependency
    ///   of its parent, or a nested grant wider than its parent's: a capability the parent lacks, a plain capability
    ///   the parent holds only narrowed, or a value pattern not within any of the parent's patterns.
    public static func validate(_ policy: Policy, packages: [String: Set<String>],
                                dependencies: [String: Set<String>], root: String) throws {
        var problems: [(position: SourcePosition, message: String)] = []
        let identities = packages.keys.filter { $0 != root }.sorted()

        func check(_ grants: [String: Policy.Grant], parent: Policy.Grant?) {
            for grant in grants.values.sorted(by: { $0.position < $1.position }) {
                func report(_ message: String) { problems.append((grant.position, message)) }
                if grant.identity == root {
                    report("\(root.quoted) is the root package, which holds every capability; remove it from \"packages\"")
                    continue
                }
                guard let modules = packages[grant.identity] else {
                    let hint = NearestName.nearest(to: grant.identity, in: identities).map { "; did you mean \($0.quoted)?" }
                        ?? "; packages in the graph: " + identities.joined(separator: ", ")
                    report("no package \(grant.identity.quoted) in the dependency graph\(hint)")
                    continue
                }
                if let module = grant.module, !modules.contains(module) {
                    let names = modules.sorted()
                    let hint = NearestName.nearest(to: module, in: names).map { "did you mean \($0.quoted)? " } ?? ""
                    report("package \(grant.identity.quoted) has no module \(module.quoted); \(hint)its modules: "
                           + names.joined(separator: ", "))
                }
                if let parent {
                    guard dependencies[parent.identity]?.contains(grant.identity) == true else {
                        report("\(grant.identity.quoted) is not a dependency of \(parent.identity.quoted), so \(parent.key.quoted) "
                               + "cannot pass capabilities on to it; move it to the top level of \"packages\"")
                        continue
                    }
                    let extra = grant.allow.subtracting(parent.allow)
                    if !extra.isEmpty {
                        report("\(grant.key) may not receive \(list(extra)) under \(parent.key), which holds only \(list(parent.allow))")
                    }
                    for capability in grant.allow.intersection(parent.allow).sorted() {
                        if let problem = narrowingProblem(capability, child: grant, parent: parent) { report(problem) }
                    }
                }
                check(grant.packages, parent: grant)
            }
        }
        check(policy.packages, parent: nil)
        for acknowledgement in policy.unanalysed.values where packages[acknowledgement.package] == nil {
            let all = packages.keys.sorted()
            let hint = NearestName.nearest(to: acknowledgement.package, in: all).map { "; did you mean \($0.quoted)?" }
                ?? "; packages in the graph: " + all.joined(separator: ", ")
            problems.append((acknowledgement.position, "\"unanalysed\" names no package of the dependency graph: \(acknowledgement.package.quoted)\(hint)"))
        }

        guard !problems.isEmpty else { return }
        let lines = problems.sorted { $0.position < $1.position }
            .map { "\(policy.file):\($0.position.line):\($0.position.column): \($0.message)" }
        throw CapCheckError(.policy, lines.joined(separator: "\n"))
    }

    /// Why `child` may not receive `capability` as written under `parent`, or nil when it may. The parent's effective
    /// set is unrestricted when it holds the capability plainly, else its patterns; each child pattern must be within
    /// one of the parent's, and a plain child grant needs a plain parent grant.
    private static func narrowingProblem(_ capability: Capability, child: Policy.Grant, parent: Policy.Grant) -> String? {
        guard let held = parent.narrowed[capability] else { return nil }
        let extra: [String]
        if let wanted = child.narrowed[capability] {
            extra = wanted.filter { pattern in !held.contains { pattern.isWithin($0) } }.map { $0.written(for: capability) }
        } else {
            extra = ["plain \(capability.name)"]
        }
        guard !extra.isEmpty else { return nil }
        return "\(child.key) may not receive \(extra.joined(separator: ", ")) under \(parent.key), which holds only "
            + held.map { $0.written(for: capability) }.joined(separator: ", ")
    }

    private static func list(_ capabilities: Set<Capability>) -> String {
        "[" + capabilities.sorted().map(\.name).joined(separator: ", ") + "]"
    }
}
