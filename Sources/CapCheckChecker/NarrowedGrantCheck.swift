import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckPolicy
import CapCheckValues

/// Grants narrowed by value (`fs:/etc/ssl/**`, `env:NIO_*`, `exec:/usr/bin/git`, `net:*.example.com`, `CAP:@caller`):
/// for every use of a sink whose capability a package on the path holds only narrowed, the values the sink is used
/// with (`ValueTracer`) must each be inside one of that package's patterns. Unknown values are never covered.
/// Runs only when the policy narrows something, on the sink uses the search recorded (`ReachabilitySearch.NarrowedUse`).
package struct NarrowedGrantCheck {
    let graph: CallGraph
    let macros: any MacroLookup
    let packageGraph: PackageGraph
    let contexts: GrantContexts
    let effects: Set<Capability>
    let ownership: SourceOwnership

    package init(graph: CallGraph, packageGraph: PackageGraph, ownership: SourceOwnership, contexts: GrantContexts,
                 effects: Set<Capability>, macros: any MacroLookup) {
        self.graph = graph
        self.macros = macros
        self.packageGraph = packageGraph
        self.ownership = ownership
        self.contexts = contexts
        self.effects = effects
    }

    /// The capabilities some grant of the policy narrows.
    package static func narrowedCapabilities(in policy: Policy) -> Set<Capability> {
        func collect(_ grants: [String: Policy.Grant]) -> Set<Capability> {
            grants.values.reduce(into: Set<Capability>()) { result, grant in
                result.formUnion(grant.narrowed.keys)
                result.formUnion(collect(grant.packages))
            }
        }
        return collect(policy.packages)
    }

    /// The violations among `uses`: one per (package, capability, sink), listing the values not covered.
    package func violations(_ uses: [ReachabilitySearch.NarrowedUse], reached: [Bool]) -> [ReachabilitySearch.Finding] {
        var found: [String: ReachabilitySearch.Finding] = [:]
        var order: [String] = []
        eachValue(of: uses, reached: reached, holders: { context, capability in
            context.grant.contains(capability) && context.entry?.narrowed[capability] != nil
        }) { context, use, origins in
            let patterns = context.entry?.narrowed[use.capability] ?? []
            let uncovered = origins.filter { !Self.covers(patterns, $0, fromTheGranter: { fromTheGranter($0, granter: context.granter) }) }
            guard !uncovered.isEmpty else { return }
            let key = "\(context.package)|\(use.capability.name)|\(use.sink.name)"
            if found[key] == nil {
                order.append(key)
                found[key] = ReachabilitySearch.Finding(package: context.package, capability: use.capability,
                                                        sink: use.sink.name, path: use.path, values: [])
            }
            for origin in uncovered where !(found[key]!.values ?? []).contains(origin.reported) {
                found[key]!.values?.append(origin.reported)
            }
        }
        return order.compactMap { found[$0] }
    }

    /// Per package on the authority chain of each use (the root excepted) and capability, the values its uses get:
    /// what `audit --values`, `init` and `diff` show.
    package func reachedValues(_ uses: [ReachabilitySearch.NarrowedUse], reached: [Bool]) -> [String: [Capability: [ValueOrigin]]] {
        var result: [String: [Capability: [ValueOrigin]]] = [:]
        eachValue(of: uses, reached: reached) { context, use, origins in
            result[context.package, default: [:]][use.capability, default: []] += origins
        }
        return result.mapValues { $0.mapValues { ValueJoin.unique($0, limit: 256) } }
    }

    /// For `explain`: the values `package`'s uses of each sink get, by `capability|sink`.
    package func values(of package: String, _ uses: [ReachabilitySearch.NarrowedUse], reached: [Bool]) -> [String: [ValueOrigin]] {
        var result: [String: [ValueOrigin]] = [:]
        eachValue(of: uses, reached: reached, holders: { context, _ in context.package == package }) { _, use, origins in
            result["\(use.capability.name)|\(use.sink.name)", default: []] += origins
        }
        return result.mapValues { ValueJoin.unique($0, limit: 256) }
    }

    /// Calls `body` with each holder (the root excepted, and only those `holders` accepts) of each use and the values
    /// the use gets as that holder sees it (network values as endpoints).
    private func eachValue(of uses: [ReachabilitySearch.NarrowedUse], reached: [Bool],
                           holders accepts: (GrantContext, Capability) -> Bool = { _, _ in true },
                           _ body: (GrantContext, ReachabilitySearch.NarrowedUse, [ValueOrigin]) -> Void) {
        let tracer = ValueTracer(graph: graph, reached: reached, macros: macros) { [packageGraph] package, holder in packageGraph.isDependency(package, of: holder) }
        for use in uses {
            let holders = effects.contains(use.capability) ? contexts.chain(from: use.context) : [use.context]
            for holder in holders where !contexts.isRoot(holder) && accepts(contexts[holder], use.capability) {
                let context = contexts[holder]
                let origins = tracer.origins(sink: use.sink, capability: use.capability, sinkNode: use.sinkNode,
                                             caller: use.caller, site: use.site, holder: context.package)
                body(context, use, origins.map { use.capability == .net ? NetworkEndpoint.endpoint($0) : $0 })
            }
        }
    }

    /// Whether one of `patterns` allows everything `origin` can be; a value from the caller meets `@caller` only where
    /// `fromTheGranter` accepts it.
    package static func covers(_ patterns: [ValuePattern], _ origin: ValueOrigin,
                               fromTheGranter: (ValueOrigin) -> Bool = { _ in true }) -> Bool {
        switch origin {
        case .constant(let value, _): return patterns.contains { $0.covers(constant: value) }
        case .prefix(let value, _): return patterns.contains { $0.covers(prefix: value) }
        case .caller(_, _, _, let made):
            // `@caller` takes a value the granting package or a package above it supplies; a named pattern takes it
            // when what the caller made is inside.
            return patterns.contains(.caller) && fromTheGranter(origin)
                || !made.isEmpty && made.allSatisfy { covers(patterns, $0, fromTheGranter: fromTheGranter) }
        case .unknown, .parameter: return false
        }
    }

    /// Whether a value from the caller comes from `granter`, the package whose policy entry grants the holder (the root
    /// for a top-level entry, the parent for a nested one), or from above it: supplied by such a package, or made (every
    /// piece a constant or prefix) in its code on the way through others. `CAP:@caller` is "what the granting package
    /// passes in": a package the grant does not come from, holding nothing itself, could otherwise send a `@caller`
    /// package's authority anywhere through a protocol it calls (the fourteenth sweep's `summ`).
    package func fromTheGranter(_ origin: ValueOrigin, granter: String) -> Bool {
        guard case .caller(let supplier, _, _, let made) = origin else { return false }
        func atOrAbove(_ package: String) -> Bool {
            package == granter || packageGraph.isDependency(granter, of: package)
        }
        // Every piece it was made from must be made there too: a constant of the holder's that the root keeps in a local
        // and passes (`let p = Store.defaultPath; open(path: p)`, the fifteenth sweep's) is the holder's, whoever
        // passes it; a value computed at run time counts where its trail ends.
        guard !made.isEmpty else { return atOrAbove(supplier) }
        return made.allSatisfy { piece in
            switch piece {
            case .constant(_, let at), .prefix(_, let at), .unknown(_, let at):
                return ownership.owner(of: at.file, unitModule: "").map { atOrAbove($0.package) } ?? false
            default: return false
            }
        }
    }
}
