import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckPolicy

/// Records which policy grants a search used. A grant of capability C by an entry is used when code running
/// under a context whose chain (the context and the contexts that called into it) includes that entry
/// reaches a sink of C: the entry either holds C for its own code or passes it on to the code that does.
package struct GrantUsage {
    private var used = Set<String>()
    private var seen = Set<String>()

    /// Called for every edge into a sink of `capability` taken under `context`.
    package mutating func record(_ capability: Capability, under context: Int32, contexts: GrantContexts) {
        guard seen.insert("\(context)|\(capability.name)").inserted else { return }
        for holder in contexts.chain(from: context) {
            guard let entry = contexts[holder].entry, entry.allow.contains(capability) else { continue }
            used.insert(Self.key(entry, capability))
        }
    }

    /// Every grant of `policy` not recorded as used, in file order. Without the root's tests among the entry points, a
    /// `"from": "test"` grant cannot be used and is not listed.
    package func unused(in policy: Policy, testsIncluded: Bool) -> [UnusedGrant] {
        var result: [UnusedGrant] = []
        func visit(_ grants: [String: Policy.Grant], under: [String]) {
            for grant in grants.values.sorted(by: { $0.position < $1.position }) {
                if grant.from == .test && !testsIncluded { continue }
                for capability in grant.allow.sorted() where !used.contains(Self.key(grant, capability)) {
                    result.append(UnusedGrant(package: grant.key, capability: capability.name, under: under, file: policy.file,
                                              line: grant.position.line, column: grant.position.column))
                }
                visit(grant.packages, under: under + [grant.key])
            }
        }
        visit(policy.packages, under: [])
        return result
    }

    private static func key(_ entry: Policy.Grant, _ capability: Capability) -> String {
        "\(entry.key)@\(entry.position)|\(capability.name)"
    }
}
