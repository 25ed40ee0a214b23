import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckPolicy
import CapCheckValues

extension Checker {
    /// Every distinct path by which `package` reaches `capability` (every capability when nil) from the root's
    /// code: one per sink, the shortest found, sorted by capability then sink. A package reaches an effect
    /// (`fs`, `net`, …) when it is on the authority chain to the sink; a code property (`unsafe`, `ffi`) only
    /// through its own code. For `fs`, `env`, `exec` and `net`, each explanation lists the values the package's uses of
    /// the sink get (`docs/semantics.md`, "Values at sinks"). Call once per checker.
    /// - Throws: `CapCheckError(.usage, …)` for a package not in the graph or an unknown capability.
    public func explain(package: String, capability: Capability?, policy: Policy) throws -> [Explanation] {
        let identities = packageGraph.packages.map(\.identity)
        guard identities.contains(package) else {
            let hint = NearestName.nearest(to: package, in: identities).map { "; did you mean \($0)?" } ?? ""
            throw CapCheckError(.usage, "no package \(package) in the graph of \(packageGraph.root.identity)\(hint) (packages: \(identities.joined(separator: ", ")))")
        }
        if let capability, !policy.knownCapabilities.contains(capability) {
            let known = policy.knownCapabilities.map(\.name).sorted()
            let hint = NearestName.nearest(to: capability.name, in: known).map { "did you mean \($0)? " } ?? ""
            throw CapCheckError(.usage, "unknown capability \(capability.name); \(hint)capabilities: \(known.joined(separator: ", "))")
        }
        let (search, contexts, entryPoints) = prepareSearch(policy: policy)
        let effects = Self.effects(of: policy)
        var found: [String: (capability: Capability, sink: String, path: [ReachabilitySearch.Hop])] = [:]
        search.onSink = { sink, context, path in
            guard capability == nil || sink.capability == capability else { return }
            let key = "\(sink.capability.name)|\(sink.name)"
            guard found[key] == nil else { return }
            let holders = effects.contains(sink.capability) ? contexts.chain(from: context) : [context]
            guard holders.contains(where: { contexts[$0].package == package }) else { return }
            found[key] = (sink.capability, sink.name, path())
        }
        search.narrowed = capability.map { effects.contains($0) ? [$0] : [] } ?? effects.intersection(Capability.builtInEffects)
        let result = search.run(roots: entryPoints, collectViolations: false)
        search.onSink = nil
        let values = NarrowedGrantCheck(graph: graph, packageGraph: packageGraph, ownership: ownership, contexts: contexts, effects: effects,
                                        macros: macros)
            .values(of: package, result.narrowedUses, reached: result.reachedNodes)
        return found.values
            .map { Explanation(package: package, capability: $0.capability.name, sink: $0.sink, path: render($0.path),
                               values: values["\($0.capability.name)|\($0.sink)"]?.map(\.reported)) }
            .sorted { ($0.capability, $0.sink) < ($1.capability, $1.sink) }
    }
}
