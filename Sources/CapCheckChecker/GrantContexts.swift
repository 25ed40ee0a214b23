import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckPolicy

/// The authority under which code runs on a path: which package's code it is, that package's effective
/// grant, the policy entry it was granted by (for nested lookups), and the context of the package that
/// called into it. Contexts are interned: the search state is (node, context id).
package struct GrantContext {
    package let package: String
    /// The package's index in the package graph (for integer keys in the search).
    package var packageID: Int32 = -1
    package let entry: Policy.Grant?
    /// The package whose policy entry holds `entry`: the root for a top-level entry, the parent for a nested one (what
    /// `CAP:@caller` calls the granting package: a value from the caller must come from it or from above it).
    package var granter: String = ""
    package let grant: Set<Capability>
    /// The context of the package that called into this one (the root's context for code entered by a
    /// callback or dynamic dispatch); -1 only for the root's own contexts.
    package let outer: Int32
    /// Where the path started: nil in the root's production code, `.test` in a test target of the root, `.build` in
    /// the build (a plugin or macro it runs). A grant scoped with `"from"` applies only on paths that started there.
    package var start: Policy.Scope?
    /// A scoped grant that would have applied had the path started where its `"from"` says (for the violation's note).
    package var withheld: Policy.Grant?
}

/// Interns contexts and computes the context a node runs under when reached from another context.
/// The rules are those of `docs/semantics.md`.
package final class GrantContexts {
    package private(set) var contexts: [GrantContext] = []
    private var ids: [String: Int32] = [:]
    private var packageIDs: [String: Int32] = [:]
    private var chains: [[Int32]?] = []
    /// Memo of `enter`, at `context * ownerCount + owner` (owner numbers are `CallGraph.owners`), -1 when not yet
    /// known: the search asks the same question once per edge, so it must not hash anything.
    private var transitions: [Int32] = []
    private let ownerCount: Int
    private let policy: Policy
    private let packageGraph: PackageGraph
    private let everything: Set<Capability>
    private let hasModuleKeys: Bool
    /// The root's context on paths that start in its production code.
    package let root: Int32
    /// The root's context on paths that start in its test targets (`--include-tests`).
    package let testRoot: Int32
    /// The root's context on paths that start in the build (`GraphNode.isBuildTime`).
    package let buildRoot: Int32

    private let graph: CallGraph

    package init(policy: Policy, packageGraph: PackageGraph, graph: CallGraph) {
        self.graph = graph
        ownerCount = graph.ownerCount
        self.policy = policy
        self.packageGraph = packageGraph
        everything = Set(Capability.builtIn).union(policy.knownCapabilities)
        hasModuleKeys = Self.containsModuleKeys(policy.packages)
        for (index, package) in packageGraph.packages.enumerated() { packageIDs[package.identity] = Int32(index) }
        contexts.append(GrantContext(package: packageGraph.root.identity, packageID: 0, entry: nil, grant: everything, outer: -1))
        contexts.append(GrantContext(package: packageGraph.root.identity, packageID: 0, entry: nil, grant: everything, outer: -1,
                                     start: .test))
        contexts.append(GrantContext(package: packageGraph.root.identity, packageID: 0, entry: nil, grant: everything, outer: -1,
                                     start: .build))
        chains += [nil, nil, nil]
        root = 0
        testRoot = 1
        buildRoot = 2
        ids["root"] = 0
        ids["test root"] = 1
        ids["build root"] = 2
    }

    /// Whether `id` is one of the root's own contexts (production, test or build).
    package func isRoot(_ id: Int32) -> Bool { id == root || id == testRoot || id == buildRoot }

    /// The root context of the path `id` is on.
    private func rootOf(_ id: Int32) -> Int32 {
        switch contexts[Int(id)].start {
        case nil: return root
        case .test?: return testRoot
        case .build?: return buildRoot
        }
    }

    package subscript(id: Int32) -> GrantContext { contexts[Int(id)] }

    /// The context under which `node` runs when code running under `current` refers to it. `byName`: the code names a C
    /// function the linker resolves (not a witness, override or callback), so a package the caller does not depend on
    /// is entered as a dependency is, narrowed by the caller's grant, never under its own (see `computeEntry`).
    package func enter(_ current: Int32, node index: Int32, owner: Int32, byName: Bool = false) -> Int32 {
        guard owner >= 0 else { return current }  // toolchain code runs for its caller
        let transition = (Int(current) * ownerCount + Int(owner)) << 1 | (byName ? 1 : 0)
        if transition < transitions.count, transitions[transition] >= 0 { return transitions[transition] }
        let node = graph.nodes[Int(index)]
        guard let package = node.package else { return current }
        let next: Int32
        if package == packageGraph.root.identity {
            // The root's code runs under everything when the root's code or a callback the root wired up reaches it;
            // named by a dependency's own code (a module of the root imported from the shared build folder, which no
            // dependency can declare), it runs under that dependency's grant, as toolchain code does (the thirtieth
            // sweep's `evil`, granted nothing, saved a file through the root's `Store.save`).
            next = byName && !isRoot(current) ? current : rootOf(current)
        } else if package == contexts[Int(current)].package && !hasModuleKeys {
            next = current
        } else {
            next = computeEntry(current, package: package, module: node.module, byName: byName)
        }
        if transition >= transitions.count {
            transitions += repeatElement(-1, count: max(transition + 1, contexts.count * ownerCount * 2) - transitions.count)
        }
        transitions[transition] = next
        return next
    }

    private func computeEntry(_ current: Int32, package: String, module: String?, byName: Bool) -> Int32 {
        let context = contexts[Int(current)]
        if package == context.package {
            // Another module of the same package: with `identity/Module` keys it may have its own entry (looked up from
            // the first context of another package on the path), which narrows the current grant. The calling module
            // stays on the chain, so what it holds narrowed by value is checked on what the sibling does (the fourteenth
            // sweep: `pkg/A`, granted `fs:/etc/hosts`, read any file through its sibling `pkg/B`); a module already on
            // the chain under that entry is returned to, so module cycles stay finite.
            guard hasModuleKeys, context.outer >= 0 else { return current }
            let path = chain(from: current)
            let base = path.first { contexts[Int($0)].package != package } ?? rootOf(current)
            let (entry, granter, withheld) = lookup(package, module: module, calledFrom: base)
            guard entry?.key != context.entry?.key else { return current }
            if let again = path.first(where: { contexts[Int($0)].package == package && contexts[Int($0)].entry?.key == entry?.key }) {
                return again
            }
            return intern(GrantContext(package: package, entry: entry, granter: granter,
                                       grant: allowed(by: entry, callerGrant: context.grant).intersection(context.grant),
                                       outer: current, start: context.start, withheld: withheld))
        }
        // A C function of a package the caller does not depend on, named in its code: the linker resolves the name to
        // whichever definition the program has, so the caller reaches that package's code as it would a dependency's
        // (the tenth sweep's: a package granted nothing declared another's `cgood_write` and ran it under that one's `fs`).
        if packageGraph.isDependency(package, of: context.package) || byName {
            return make(package: package, module: module, caller: current)
        }
        // A callback into a package already on the path (it calls a dependency, which calls back into its code): its code
        // runs under the context it has there, never under a wider grant of its own (the fourteenth sweep: a package
        // nested under a parent granted nothing had a dependency call its own witness back, and wrote a file under its
        // top-level `fs`).
        // Likewise a package that a package on the path depends on, reached through another package's dispatch (a parent
        // calling its nested child through a third package's protocol or class, the fifteenth sweep): the nearest such
        // holder enters it as its dependency, so a nested grant under it applies.
        for holder in chain(from: current) where !isRoot(holder) {
            if contexts[Int(holder)].package == package { return computeEntry(holder, package: package, module: module, byName: byName) }
            if packageGraph.isDependency(package, of: contexts[Int(holder)].package) { return make(package: package, module: module, caller: holder) }
        }
        // Dynamic dispatch or a callback into a package that is not a dependency of the caller:
        // the code runs under its owner's own grant, as if the root called it.
        return make(package: package, module: module, caller: rootOf(current))
    }

    /// Whether a grant for `package` may be nested under the entry of context `holder`: a nested grant names a dependency
    /// of its parent. (C can name a function of a package its caller does not depend on, `enter(_:node:owner:byName:)`;
    /// that package's grant is then looked up further out, and `init` nests it there.)
    package func mayNest(_ package: String, under holder: Int32) -> Bool {
        packageGraph.isDependency(package, of: contexts[Int(holder)].package)
    }

    /// The contexts from `id` outwards to where authority starts: the packages on the path that hold the effect.
    package func chain(from id: Int32) -> [Int32] {
        if let known = chains[Int(id)] { return known }
        var result: [Int32] = []
        var current = id
        while current >= 0 {
            result.append(current)
            if isRoot(current) { break }
            current = contexts[Int(current)].outer
        }
        chains[Int(id)] = result
        return result
    }

    /// The policy entry for a package entered from `caller`: the nested entry of the nearest package on the
    /// path whose entry lists it (so a nested grant covers a transitive dependency however it is reached
    /// below its parent), else the top-level entry. `identity/Module` keys win over `identity` at each level.
    package func entry(for package: String, module: String?, calledFrom caller: Int32) -> Policy.Grant? {
        lookup(package, module: module, calledFrom: caller).entry
    }

    /// The entry (see `entry(for:module:calledFrom:)`), and a scoped entry passed over because the path did not start
    /// where its `"from"` says (in a test target, in the build).
    private func lookup(_ package: String, module: String?, calledFrom caller: Int32)
        -> (entry: Policy.Grant?, granter: String, withheld: Policy.Grant?) {
        let keys = module.map { [package + "/" + $0, package] } ?? [package]
        let start = contexts[Int(caller)].start
        var withheld: Policy.Grant?
        func applies(_ grant: Policy.Grant) -> Bool {
            guard let scope = grant.from, scope != start else { return true }
            withheld = withheld ?? grant
            return false
        }
        for holder in chain(from: caller) {
            guard let parent = contexts[Int(holder)].entry, mayNest(package, under: holder) else { continue }
            for key in keys {
                if let nested = parent.packages[key], applies(nested) { return (nested, contexts[Int(holder)].package, withheld) }
            }
        }
        let root = packageGraph.root.identity
        for key in keys { if let top = policy.packages[key], applies(top) { return (top, root, withheld) } }
        return (nil, root, withheld)
    }

    /// The context of `package` entered from the context `caller`: its entry's grant intersected with the caller's.
    private func make(package: String, module: String?, caller: Int32) -> Int32 {
        let callerGrant = contexts[Int(caller)].grant
        let (entry, granter, withheld) = lookup(package, module: module, calledFrom: caller)
        return intern(GrantContext(package: package, entry: entry, granter: granter,
                                   grant: allowed(by: entry, callerGrant: callerGrant).intersection(callerGrant), outer: caller,
                                   start: contexts[Int(caller)].start, withheld: withheld))
    }

    /// What an entry allows; without one, `unlisted` decides.
    private func allowed(by entry: Policy.Grant?, callerGrant: Set<Capability>) -> Set<Capability> {
        if let entry { return entry.allow }
        return policy.unlisted == .inherit ? callerGrant : []
    }

    private func intern(_ context: GrantContext) -> Int32 {
        let entryKey = context.entry.map { "\($0.key)@\($0.position.line):\($0.position.column)" } ?? "-"
        let key = "\(context.package)|\(entryKey)|\(context.grant.map(\.name).sorted())|\(context.outer)|\(context.start?.rawValue ?? "production")"
        if let id = ids[key] { return id }
        let id = Int32(contexts.count)
        var context = context
        context.packageID = packageIDs[context.package] ?? -1
        contexts.append(context)
        chains.append(nil)
        ids[key] = id
        return id
    }

    private static func containsModuleKeys(_ grants: [String: Policy.Grant]) -> Bool {
        grants.values.contains { $0.module != nil || containsModuleKeys($0.packages) }
    }
}
