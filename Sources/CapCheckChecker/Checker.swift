import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckPolicy

/// Walks the call graph from the root's code with the effective grant as state, and reports violations,
/// what each package reaches, and what it could reach (latent). The semantics are in `docs/semantics.md`.
public struct Checker: Sendable {
    public let graph: CallGraph
    public let packageGraph: PackageGraph
    /// Which package and module owns each source file (the value analysis asks where a value was made).
    public let ownership: SourceOwnership
    public let catalog: SinkCatalog
    public let naming: SymbolNaming
    /// Test targets of the root are entry points too when set.
    public let includeTests: Bool
    /// Where the sub-stages of `run` are timed, if anywhere.
    public var timings: StageTimings?
    /// Code the earlier stages could not see into (targets, native sources, inactive `#if` branches), in report order.
    public var unanalyzed: [Unanalyzed] = []
    /// Per package, lines of Swift source in `#if` branches the build does not compile (the source scan).
    public var inactiveLines: [String: Int] = [:]
    /// The catalog's classification of the graph's nodes, when an earlier stage has it (the analysis snapshot);
    /// worked out when nil.
    public var catalogSinks: CatalogSinks?
    /// The macros expanded in C sources, for the value analysis (`CapCheckIndexStore.MacroReferences`); without
    /// them no C call's arguments are read.
    public var macros: any MacroLookup = NoMacroRecords()

    public init(graph: CallGraph, packageGraph: PackageGraph, ownership: SourceOwnership, catalog: SinkCatalog,
                naming: SymbolNaming, includeTests: Bool) {
        self.graph = graph
        self.packageGraph = packageGraph
        self.catalog = catalog
        self.naming = naming
        self.includeTests = includeTests
        self.ownership = ownership
    }

    /// Runs the analysis under `policy`. With `collectViolations` false (audit), only reach is reported; with
    /// `collectValues`, each package's `reachedValues` too (the value analysis of every `fs`/`env`/`exec`/`net` use).
    public func run(policy: Policy, collectViolations: Bool, collectValues: Bool = false) -> AnalysisReport {
        let (search, contexts, entryPoints) = prepareSearch(policy: policy)
        let rootIdentity = packageGraph.root.identity
        var usage = GrantUsage()
        search.onSink = { sink, context, _ in usage.record(sink.capability, under: context, contexts: contexts) }
        // Latent: what each package's own code could reach, every definition an entry point under its own grant.
        // This second search runs on the other core, with grant contexts of its own (they are memoised as the
        // search goes, so the two searches must not share them).
        let (sinks, effects) = (search.sinks, search.effects)
        search.narrowed = (collectViolations ? NarrowedGrantCheck.narrowedCapabilities(in: policy) : [])
            .union(collectValues ? Capability.builtInEffects : [])
        let (fromRoot, fromAnywhere) = concurrently({
            measure("search from the root") { search.run(roots: entryPoints, collectViolations: collectViolations) }
        }, { [self] in
            let latentContexts = GrantContexts(policy: policy, packageGraph: packageGraph, graph: graph)
            let latentSearch = ReachabilitySearch(graph: graph, sinks: sinks, effects: effects, contexts: latentContexts)
            let nodes = graph.nodes
            let everyDefinition = nodes.indices.compactMap { index -> (node: Int32, context: Int32)? in
                let node = nodes[index]
                guard node.isDefined, !ownership.isTest(package: node.package, module: node.module) else { return nil }
                return (Int32(index), latentContexts.enter(latentContexts.root, node: Int32(index), owner: graph.owners[index]))
            }
            return measure("search for latent reach") { latentSearch.run(roots: everyDefinition, collectViolations: false) }
        })
        search.onSink = nil

        let values = NarrowedGrantCheck(graph: graph, packageGraph: packageGraph, ownership: ownership, contexts: contexts, effects: effects,
                                        macros: macros)
        let narrowedFindings = fromRoot.narrowedUses.isEmpty || !collectViolations ? [] : measure("values at narrowed sinks") {
            values.violations(fromRoot.narrowedUses, reached: fromRoot.reachedNodes)
        }
        let reachedValues = collectValues ? measure("values at every sink") { values.reachedValues(fromRoot.narrowedUses, reached: fromRoot.reachedNodes) } : [:]
        let violations = (fromRoot.violations + narrowedFindings).map { finding in
            Violation(package: finding.package, capability: finding.capability.name, sink: finding.sink, path: render(finding.path),
                      values: finding.values, note: finding.note)
        }.sorted { ($0.package, $0.capability, $0.sink) < ($1.package, $1.capability, $1.sink) }

        let packages = packageGraph.packages.map { package -> PackageSummary in
            let reached = fromRoot.reached[package.identity] ?? [:]
            let latent = (fromAnywhere.reached[package.identity] ?? [:]).filter { reached[$0.key] == nil }
            let granted = package.identity == rootIdentity
                ? contexts[contexts.root].grant
                : policy.packages[package.identity]?.allow ?? []
            return PackageSummary(
                identity: package.identity, version: package.version,
                granted: granted.map(\.name).sorted(),
                reached: reached.keys.map(\.name).sorted(),
                latent: latent.keys.map(\.name).sorted(),
                reachedPaths: Dictionary(uniqueKeysWithValues: reached.map { ($0.key.name, render($0.value)) }),
                latentPaths: Dictionary(uniqueKeysWithValues: latent.map { ($0.key.name, render($0.value)) }),
                reachedSinks: Dictionary(uniqueKeysWithValues: (fromRoot.sinks[package.identity] ?? [:]).map { ($0.key.name, $0.value.sorted()) }),
                buildTimeTargets: package.targets.filter { $0.kind == .plugin || $0.kind == .macro || $0.runsProgramsAtBuildTime }
                    .map(\.name).sorted(),
                inactiveLines: inactiveLines[package.identity] ?? 0, path: package.path,
                reachedValues: collectValues && package.identity != rootIdentity
                    ? Dictionary(uniqueKeysWithValues: (reachedValues[package.identity] ?? [:]).map { ($0.key.name, $0.value.map(\.reported)) })
                    : nil)
        }
        return AnalysisReport(root: rootIdentity, violations: violations, packages: packages,
                              unanalyzed: unanalyzed.map { entry in
                                  var entry = entry
                                  if policy.acknowledges(entry) { entry.acknowledged = true }
                                  return entry
                              },
                              unusedGrants: collectViolations ? usage.unused(in: policy, testsIncluded: includeTests) : [],
                              packagePath: packageGraph.root.path, capcheckVersion: CapCheckVersion.current,
                              catalogToolchain: catalog.toolchain)
    }

    private func measure<T>(_ name: String, _ body: () -> T) -> T {
        timings.map { $0.measure(name, body) } ?? body()
    }

    /// The search over the graph under `policy`, its grant contexts, and the root's entry points (all of the
    /// root's own code, under the root's context). The policy's user sinks are matched before the catalog.
    package func prepareSearch(policy: Policy) -> (search: ReachabilitySearch, contexts: GrantContexts, entryPoints: [(node: Int32, context: Int32)]) {
        let userSinks = UserSinks(policy.capabilities.values.flatMap { user in user.sinks.map { ($0, user.capability) } })
        let nodes = graph.nodes
        let sinks = measure("sinks") {
            let fromCatalog = catalogSinks ?? CatalogSinks(graph: graph, catalog: catalog, naming: naming)
            let fixed = graph.fixedSinks
            // A node's own sink first (the stage that made it fixed it), then the policy's user sinks, then the catalog.
            guard !policy.capabilities.isEmpty else {
                return nodes.indices.map { fixed[Int32($0)] ?? fromCatalog.matches[$0] }
            }
            return concurrentMap(nodes.count) { index -> SinkMatch? in
                let node = nodes[index]
                let demangled = node.language == .swift ? naming.demangled(node) : nil
                return fixed[Int32(index)] ?? userSinks.match(node, demangled: demangled) ?? fromCatalog.matches[index]
            }
        }
        let effects = Self.effects(of: policy)
        let contexts = GrantContexts(policy: policy, packageGraph: packageGraph, graph: graph)
        let search = ReachabilitySearch(graph: graph, sinks: sinks, effects: effects, contexts: contexts)
        let hostOnlyModules = packageGraph.linkedModules(includeTests: includeTests).subtracting(packageGraph.programModules(includeTests: includeTests))
        if !hostOnlyModules.isEmpty {
            let root = packageGraph.root.identity
            search.hostOnly = nodes.map { node in node.package != nil && node.package != root && node.module.map(hostOnlyModules.contains) == true }
        }
        let entryPoints = nodes.indices.compactMap { index -> (node: Int32, context: Int32)? in
            let node = nodes[index]
            guard node.package == packageGraph.root.identity, node.isDefined,
                  includeTests || !ownership.isTest(package: node.package, module: node.module) else { return nil }
            // Paths from the root's tests start under its test context, where `"from": "test"` grants apply; paths
            // from the build (the root's targets as the build builds them) under its build context.
            if node.isBuildTime { return (Int32(index), contexts.buildRoot) }
            return (Int32(index), ownership.isTest(package: node.package, module: node.module) ? contexts.testRoot : contexts.root)
        }
        return (search, contexts, entryPoints)
    }

    /// The capabilities that propagate to callers: the built-in effects and the policy's propagating user capabilities.
    package static func effects(of policy: Policy) -> Set<Capability> {
        Capability.builtInEffects.union(policy.capabilities.values.filter(\.propagates).map(\.capability))
    }

    package func render(_ hops: [ReachabilitySearch.Hop]) -> [PathHop] {
        hops.map { hop in
            let node = graph.nodes[Int(hop.node)]
            let site = hop.site ?? node.location
            return PathHop(symbol: naming.displayName(node), package: node.package ?? "toolchain",
                           module: node.module ?? naming.toolchainModule(node), file: site?.file ?? "",
                           line: site?.line ?? 0, column: site?.column ?? 0, via: hop.via?.rawValue)
        }
    }
}

extension Checker {
    /// Debug aid: every edge as text (`CAPCHECK_DEBUG_GRAPH=1`).
    public func debugDump() -> String {
        var lines: [String] = []
        for (index, node) in graph.nodes.enumerated() {
            lines.append("\(index) \(node.package ?? "-") \(node.kind) \(naming.displayName(node)) [\(node.usr)]")
            for edge in graph.edges[index] { lines.append("   -> \(edge.target) \(edge.kind)") }
        }
        return lines.joined(separator: "\n")
    }
}
