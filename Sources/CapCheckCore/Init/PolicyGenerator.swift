import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckBuild
import CapCheckCatalog
import CapCheckPolicy
import CapCheckGraph
import CapCheckNativeCode
import CapCheckSwiftSource
import CapCheckBuildTime
import CapCheckChecker
import CapCheckValues
import CapCheckReporters
import Foundation

/// `capcheck init`: drafts the smallest policy under which `check` passes on today's graph. Every package gets a
/// top-level grant of everything it needs on any path (a package needs a capability when it is on the authority
/// chain of a sink of it: it uses it, or passes it on to a dependency that does); a nested grant narrows a
/// transitive dependency where, below a parent, it needs less than its top-level grant gives it.
/// The lookup rules this relies on are those of docs/semantics.md ("Grants and contexts").
public struct PolicyGenerator {
    public let checker: Checker
    /// User capabilities to declare (and find sinks of), e.g. carried over from an existing policy.
    public let capabilities: [Capability: Policy.UserCapability]

    public init(checker: Checker, capabilities: [Capability: Policy.UserCapability] = [:]) {
        self.checker = checker
        self.capabilities = capabilities
    }

    /// The drafted policy: top-level grants and the nested grants under them, by key.
    public struct Draft {
        package let packages: [String: PolicyDraft]
        package let capabilities: [Capability: Policy.UserCapability]
        /// The code capcheck could not analyse today, acknowledged per package (`"unanalysed"`), so that `check --strict`
        /// fails on new kinds only.
        package var unanalysed: [String: [UnanalysedAcknowledgement.Entry]] = [:]

        /// How many grants the draft has at top level and nested.
        public var counts: (topLevel: Int, nested: Int) {
            func nested(_ grants: [String: PolicyDraft]) -> Int { grants.values.reduce(0) { $0 + $1.packages.count + nested($1.packages) } }
            return (packages.count, nested(packages))
        }

        /// The policy file's text (capabilities.json, version 1, unlisted packages denied).
        public var json: String {
            var members = ["  \"version\": 1", "  \"unlisted\": \"deny\"", "  \"packages\": " + PolicyDraft.object(packages, indent: 2, parent: nil)]
            if !unanalysed.isEmpty {
                let listed = unanalysed.keys.sorted().map { package in
                    "    \(package.quoted): [" + unanalysed[package]!.map(\.written.quoted).joined(separator: ", ") + "]"
                }
                members.append("  \"unanalysed\": {\n" + listed.joined(separator: ",\n") + "\n  }")
            }
            if !capabilities.isEmpty {
                let declared = capabilities.keys.sorted().map { name -> String in
                    let user = capabilities[name]!
                    return "    \(name.name.quoted): { \"sinks\": [" + user.sinks.map(\.quoted).joined(separator: ", ")
                        + "], \"propagates\": \(user.propagates) }"
                }
                members.append("  \"capabilities\": {\n" + declared.joined(separator: ",\n") + "\n  }")
            }
            return "{\n" + members.joined(separator: ",\n") + "\n}\n"
        }
    }

    /// Walks the graph once, every package inheriting everything, and drafts the grants from what each
    /// authority chain needs.
    public func draft() -> Draft {
        let discovery = Policy(file: "(init)", version: 1, unlisted: .inherit, packages: [:], capabilities: capabilities)
        let (search, contexts, entryPoints) = checker.prepareSearch(policy: discovery)
        var needs: [Int32: Set<Capability>] = [:]
        var examples: [String: [Capability: String]] = [:]
        var seen = Set<String>()
        search.onSink = { sink, context, _ in
            guard seen.insert("\(context)|\(sink.capability.name)").inserted else { return }
            for holder in contexts.chain(from: context) where !contexts.isRoot(holder) {
                needs[holder, default: []].insert(sink.capability)
                let package = contexts[holder].package
                if examples[package]?[sink.capability] == nil { examples[package, default: [:]][sink.capability] = sink.name }
            }
        }
        search.narrowed = Capability.builtInEffects
        let searched = search.run(roots: entryPoints, collectViolations: false)
        search.onSink = nil
        let valueCheck = NarrowedGrantCheck(graph: checker.graph, packageGraph: checker.packageGraph, ownership: checker.ownership, contexts: contexts,
                                            effects: Checker.effects(of: discovery), macros: checker.macros)
        let values = valueCheck.reachedValues(searched.narrowedUses, reached: searched.reachedNodes)

        // Every context but the root's is one authority chain root → … → package; its caller is its parent.
        let nodes = (0..<Int32(contexts.contexts.count)).filter { !contexts.isRoot($0) }
        var top: [String: PolicyDraft] = [:]
        // Where the paths that need each package's grant start: production (nil), the root's tests, the build.
        var starts: [String: Set<String>] = [:]
        var neededFrom: [String: [String: Set<Capability>]] = [:]
        for node in nodes {
            let package = contexts[node].package
            let needed = needs[node] ?? []
            guard !needed.isEmpty else { continue }
            let draft = top[package] ?? PolicyDraft(key: package, allow: [], examples: examples[package] ?? [:], source: source(of: package))
            draft.allow.formUnion(needed)
            top[package] = draft
            let start = contexts[node].start?.rawValue ?? "production"
            starts[package, default: []].insert(start)
            neededFrom[package, default: [:]][start, default: []].formUnion(needed)
        }
        // Needed by production and by tests (or the build), with more for the latter: said in the reason.
        for (package, byStart) in neededFrom where byStart.count > 1 {
            guard let production = byStart["production"], let draft = top[package] else { continue }
            for (start, needed) in byStart where start != "production" {
                for capability in needed.subtracting(production) { draft.onlyElsewhere[capability] = start == "test" ? "the root's tests" : "the " + start }
            }
        }
        // A grant only tests (or only the build) need is scoped so: production code reaching the package gets nothing
        // from it (the fourteenth sweep: `init --include-tests` granted a test helper's `fs` to production paths too).
        for (package, draft) in top {
            guard let only = starts[package], only.count == 1, let scope = only.first.flatMap(Policy.Scope.init(rawValue:)) else { continue }
            draft.from = scope
        }

        let entry = resolveNesting(nodes: nodes, needs: needs, examples: examples, contexts: contexts, top: top)
        trim(&top, to: needs, resolvedBy: entry)
        let paths = PathDisplay(PackageFolders(graph: checker.packageGraph), absolute: false)
        // A value from the caller is `@caller` where its supplier is the grant's granting package or above it (the root for
        // a top-level grant, the parent for a nested one); else what the caller made it from is named, as `check` reads it.
        func narrowAll(_ grants: [String: PolicyDraft], granter: String) {
            for draft in grants.values {
                let values = (values[draft.key] ?? [:]).mapValues { origins in
                    origins.flatMap { origin -> [ValueOrigin] in
                        guard case .caller(_, _, let at, let made) = origin, !valueCheck.fromTheGranter(origin, granter: granter) else { return [origin] }
                        return made.isEmpty ? [.unknown("a value from a package that does not grant it, made where capcheck does not read", at)] : made
                    }
                }
                narrow(draft, values: values, paths: paths)
                narrowAll(draft.packages, granter: String(draft.key.split(separator: "/").first ?? ""))
            }
        }
        narrowAll(top, granter: checker.packageGraph.root.identity)
        var draft = Draft(packages: top, capabilities: capabilities)
        draft.unanalysed = Dictionary(grouping: checker.unanalyzed, by: \.package)
            .mapValues(UnanalysedAcknowledgement.entries(covering:)).filter { !$0.value.isEmpty }
        return draft
    }

    /// Resolves every context to the grant it will be looked up under, nesting a grant under the parent's where a
    /// context needs other than what it would be given, and widening a grant to what each context it applies to needs.
    /// Parents come before children (a child's grant is looked up through its ancestors'). A nested grant applies to
    /// every context under the same parent grant, so one made for a later context changes what an earlier sibling
    /// resolves to: the walk is repeated until nothing changes (every step only adds, so it ends).
    private func resolveNesting(nodes: [Int32], needs: [Int32: Set<Capability>], examples: [String: [Capability: String]],
                                contexts: GrantContexts, top: [String: PolicyDraft]) -> [Int32: PolicyDraft] {
        let depth = Dictionary(uniqueKeysWithValues: nodes.map { ($0, contexts.chain(from: $0).count - 1) })
        let ordered = nodes.sorted { (depth[$0]!, $0) < (depth[$1]!, $1) }
        let everything = Set(Capability.builtIn).union(capabilities.keys)
        var entry: [Int32: PolicyDraft] = [:]
        var changed = true
        while changed {
            changed = false
            entry = [:]
            var effective: [Int32: Set<Capability>] = [:]
            for node in ordered {
                let context = contexts[node]
                let needed = needs[node] ?? []
                let parent = context.outer
                let parentEffective = contexts.isRoot(parent) ? everything : effective[parent] ?? []
                var resolved = resolve(context.package, from: parent, contexts: contexts, entries: entry, top: top)
                if let draft = resolved, !needed.isSubset(of: draft.allow) {
                    draft.allow.formUnion(needed)
                    changed = true
                }
                let given = (resolved?.allow ?? []).intersection(parentEffective)
                if needed != given, !contexts.isRoot(parent), let parentDraft = entry[parent], parentDraft.packages[context.package] == nil,
                   contexts.mayNest(context.package, under: parent) {
                    let nested = PolicyDraft(key: context.package, allow: needed, examples: examples[context.package] ?? [:],
                                             source: source(of: context.package))
                    parentDraft.packages[context.package] = nested
                    resolved = nested
                    changed = true
                }
                entry[node] = resolved
                effective[node] = (resolved?.allow ?? []).intersection(parentEffective)
            }
        }
        return entry
    }

    /// Makes each grant allow exactly what the contexts resolved to it need (the walk's widening is for contexts that
    /// moved to a nested grant later), and drops the grants no context resolves to: `check` would report the rest as
    /// unused. Every context still holds what it needs, since a context never needs more than its parent.
    private func trim(_ top: inout [String: PolicyDraft], to needs: [Int32: Set<Capability>], resolvedBy entry: [Int32: PolicyDraft]) {
        var used: [ObjectIdentifier: Set<Capability>] = [:]
        for (node, draft) in entry { used[ObjectIdentifier(draft), default: []].formUnion(needs[node] ?? []) }
        func keep(_ grants: [String: PolicyDraft]) -> [String: PolicyDraft] {
            grants.compactMapValues { draft in
                guard let allow = used[ObjectIdentifier(draft)] else { return nil }
                draft.allow = allow
                draft.packages = keep(draft.packages)
                return draft
            }
        }
        top = keep(top)
    }

    /// Narrows a grant's effects to the values its uses resolve to (`fs:/etc/ssl/cert.pem`, `env:NIO_*`,
    /// `net:@caller`), except where a value is unknown (the reason says which and where) or a nested grant under it
    /// holds the effect (a nested grant may only narrow its parent's).
    private func narrow(_ draft: PolicyDraft, values: [Capability: [ValueOrigin]], paths: PathDisplay) {
        func nestedHold(_ grants: [String: PolicyDraft]) -> Set<Capability> {
            grants.values.reduce(into: Set<Capability>()) { $0.formUnion($1.allow.union(nestedHold($1.packages))) }
        }
        let heldBelow = nestedHold(draft.packages)
        for capability in draft.allow.intersection(Capability.builtInEffects) where !heldBelow.contains(capability) {
            guard let origins = values[capability], !origins.isEmpty else { continue }
            var entries: [String] = []
            for origin in origins {
                switch ValuePatternDraft.entry(for: origin, capability: capability, paths: paths) {
                case .success(let entry): if !entries.contains(entry) { entries.append(entry) }
                case .failure(let reason):
                    draft.unresolved[capability] = reason.reason
                    entries = []
                }
                if draft.unresolved[capability] != nil { break }
            }
            if !entries.isEmpty { draft.narrowed[capability] = entries.sorted() }
        }
    }

    /// The grant `package` gets when entered from the context `caller`: the nearest nested grant along the
    /// chain, else the top-level one (as `GrantContexts.entry(for:module:calledFrom:)` looks it up).
    private func resolve(_ package: String, from caller: Int32, contexts: GrantContexts,
                         entries: [Int32: PolicyDraft], top: [String: PolicyDraft]) -> PolicyDraft? {
        for holder in contexts.chain(from: caller) where !contexts.isRoot(holder) && contexts.mayNest(package, under: holder) {
            if let nested = entries[holder]?.packages[package] { return nested }
        }
        return top[package]
    }

    /// The `"source"` a grant for `identity` is bound to: where the graph resolves the package from, a local folder
    /// relative to the root package.
    private func source(of identity: String) -> String? {
        let root = URL(fileURLWithPath: checker.packageGraph.root.path)
        return checker.packageGraph.package(identity)?.location.map { PackageLocation.display($0, relativeTo: root) }
    }
}
