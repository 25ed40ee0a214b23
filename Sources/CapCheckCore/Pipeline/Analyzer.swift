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
import CapCheckReporters
import Foundation

/// Runs capcheck's stages in order: package graph → build → index reader → call graph → catalog → checker.
/// The CLI and the plugin are thin layers over this type.
public struct Analyzer {
    public struct Options: Sendable {
        public var packagePath: URL
        public var scratchPath: URL
        public var skipBuild = false
        public var includeTests = false
        /// The policy file; nil means `<package>/capabilities.json`.
        public var policyPath: URL?
        /// Whether a missing policy file is an error (check) or means the empty policy (audit).
        public var requirePolicy = true
        /// Use exactly the versions in Package.resolved, failing if it is out of date (for `diff --base`).
        public var onlyResolvedVersions = false
        /// When build-time code (plugins, macros) lacks a `build` grant, report the refusal to build as violations:
        /// `run` returns the report of that check (`check` sets this). Every other command refuses with an error.
        public var refuseUngrantedBuildTimeCode = false
        /// Build even though plugins or macros lack a `build` grant (the user's consent; never set by `check`).
        public var allowBuildTimeCode = false
        /// Only check the build-time code against the policy, then stop (no build, no index): `run` returns that
        /// check's report. The command plugin runs this before it asks SwiftPM to build.
        public var onlyBuildTimeCode = false
        /// Run the build under bubblewrap: no network, writes only to the scratch folder (Linux).
        public var sandbox = false
        /// The SwiftPM that runs capcheck holds the scratch folder's lock (`swift package capcheck`: the plugin says so
        /// with `--swiftpm-holds-lock`): SwiftPM queries pass `--ignore-lock`, and building is an error (it would wait
        /// for the lock forever).
        public var swiftPMHoldsLock = false

        public init(packagePath: URL, scratchPath: URL? = nil) {
            self.packagePath = packagePath.standardizedFileURL
            self.scratchPath = (scratchPath ?? packagePath.appendingPathComponent(".build")).standardizedFileURL
        }
    }

    public let options: Options
    /// Receives one line per phase (for progress on stderr).
    public let progress: @Sendable (String) -> Void
    /// How long each stage of the last `run` took.
    public let timings = StageTimings()

    public init(options: Options, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// Analyses the package. With `usePolicy` false (audit), every capability is reported and none is a violation.
    public func run(usePolicy: Bool) throws -> AnalysisReport {
        do {
            let (checker, policy) = try prepare(usePolicy: usePolicy)
            let report = timings.measure("check") { checker.run(policy: policy, collectViolations: usePolicy) }
            releaseInBackground(consume checker)
            return report
        } catch let refusal as BuildTimeRefusal {
            return refusal.report
        }
    }

    /// Thrown by `prepare` instead of building when build-time code lacks a `build` grant (or when only the
    /// build-time code was to be checked).
    package struct BuildTimeRefusal: Error {
        package let report: AnalysisReport

        /// The refusal as an error, for the commands that do not report violations: what would run, and what to do.
        package static func error(_ report: AnalysisReport, policyFile: String) -> CapCheckError {
            let targets = report.violations.map { "\($0.sink) of \($0.package)" }.sorted()
            return CapCheckError(.build, """
                not building: \(targets.joined(separator: ", ")) would run at build time without a `build` grant in \
                \(policyFile); grant `build` to \(Set(report.violations.map(\.package)).sorted().joined(separator: ", ")) there, \
                pass --allow-build-time-code to build anyway, or build yourself and pass --skip-build
                """)
        }
    }

    /// Runs every stage up to the checker and returns it with the policy it should apply (the empty policy when
    /// `usePolicy` is false). `explain` and `init` use the checker their own way.
    public func prepare(usePolicy: Bool) throws -> (checker: Checker, policy: Policy) {
        if options.swiftPMHoldsLock, !options.skipBuild, !options.onlyBuildTimeCode {
            throw CapCheckError(.usage, """
                --swiftpm-holds-lock: capcheck cannot build while the SwiftPM that runs it holds the lock on \
                \(options.scratchPath.path); pass --skip-build after building through SwiftPM (as the command plugin does), \
                or drop --swiftpm-holds-lock
                """)
        }
        let toolchain = try Toolchain.locate()
        let indexStoreLibrary = try toolchain.library("libIndexStore.so", override: "CAPCHECK_LIBINDEXSTORE")
        guard FileManager.default.fileExists(atPath: options.packagePath.appendingPathComponent("Package.swift").path) else {
            throw CapCheckError(.usage, "no Package.swift in \(options.packagePath.path); pass --package-path with the root of a Swift package")
        }
        try ScratchFolder.prepare(options.scratchPath)
        _ = try ChildTimeout.configured()  // a bad CAPCHECK_CHILD_TIMEOUT is an error even when no child runs

        if options.sandbox, !options.skipBuild { _ = try BuildSandbox.locate() }  // before anything else: say so at once

        progress("Resolving the package graph…")
        ScratchLayout(scratch: options.scratchPath).prepare()
        var graphLoader = PackageGraphLoader(toolchain: toolchain, packagePath: options.packagePath, scratchPath: options.scratchPath)
        graphLoader.onlyResolvedVersions = options.onlyResolvedVersions
        graphLoader.swiftPMHoldsLock = options.swiftPMHoldsLock
        let (packageGraph, graphChanged) = try timings.measure("package graph") { try graphLoader.loadNoting() }
        let policy = usePolicy ? try loadPolicy(for: packageGraph) : Policy.empty(file: "(audit)")

        // Without the demangler no Swift sink could be recognised: that is an error, never a silent pass.
        let demanglerLibrary = try toolchain.library("libswiftDemangle.so", override: "CAPCHECK_LIBSWIFTDEMANGLE")
        let demangler = try SwiftDemangler(libraryPath: demanglerLibrary)
        let naming = SymbolNaming(demangler: demangler)
        let catalog = try SinkCatalog.bundled()
        // Building runs the graph's plugins and macros: dependency code. Each needs its `build` grant first.
        if options.onlyBuildTimeCode || !options.skipBuild {
            let grants = usePolicy ? policy : try loadPolicy(for: packageGraph, requireFile: false)
            let report = BuildTimeCheck(packageGraph: packageGraph, catalog: catalog, naming: naming).run(policy: grants)
            if !report.violations.isEmpty {
                if options.refuseUngrantedBuildTimeCode {
                    progress("Not building: \(report.violations.count) build-time target(s) would run without a `build` grant")
                    throw BuildTimeRefusal(report: report)
                }
                if !options.allowBuildTimeCode { throw BuildTimeRefusal.error(report, policyFile: grants.file) }
            }
            if options.onlyBuildTimeCode { throw BuildTimeRefusal(report: report) }
        }

        var builder = PackageBuilder(toolchain: toolchain, packagePath: options.packagePath, scratchPath: options.scratchPath)
        builder.onlyResolvedVersions = options.onlyResolvedVersions
        builder.sandbox = options.sandbox
        builder.replan = graphChanged
        if !options.skipBuild {
            progress("Building \(packageGraph.root.identity) (debug, indexing every target)…")
            try timings.measure("build") { try builder.build(includeTests: options.includeTests, echoProgress: false) }
        }

        progress("Reading the index store…")
        let store = try IndexStore(path: builder.indexStorePath.path, libraryPath: indexStoreLibrary)
        let loader = IndexStoreLoader(store: store)
        let ownership = SourceOwnership(graph: packageGraph)
        // The last run's snapshot (`AnalysisSnapshot`) is read on one core while the other works out this run's
        // inputs; it is used only when they are the same as the last run's.
        let (inputs, last) = try concurrently({
            try readInputs(loader: loader, packageGraph: packageGraph, ownership: ownership, toolchain: toolchain, catalog: catalog,
                           demangler: demanglerLibrary)
        }, {
            timings.measure("snapshot") { AnalysisSnapshot.load(scratch: options.scratchPath) }
        })
        let reusable = inputs.key.map { last?.written.matches(key: $0) == true } == true ? last?.snapshot : nil
        releaseInBackground(consume last)  // a stale graph must not stay in memory while the new one is built
        let snapshot: AnalysisSnapshot
        if let reusable {
            progress("Building the call graph: no input changed since the last run, so its graph is reused…")
            snapshot = reusable
        } else {
            snapshot = try analyse(inputs, loader: loader, ownership: ownership, packageGraph: packageGraph, catalog: catalog, naming: naming)
            if let key = inputs.key { timings.measure("snapshot") { snapshot.store(key: key, scratch: options.scratchPath) } }
        }
        releaseInBackground(consume inputs)
        let graph = snapshot.graph

        progress("Checking \(graph.nodes.count) symbols and \(graph.edgeCount) edges…")
        var checker = Checker(graph: graph, packageGraph: packageGraph, ownership: ownership, catalog: catalog,
                              naming: naming, includeTests: options.includeTests)
        checker.timings = timings
        checker.unanalyzed = UnanalyzedCode.find(in: packageGraph) + snapshot.unanalyzed
        checker.inactiveLines = snapshot.inactiveLines
        checker.catalogSinks = snapshot.catalogSinks
        if ProcessInfo.processInfo.environment["CAPCHECK_DEBUG_GRAPH"] != nil {
            FileHandle.standardError.write(Data((checker.debugDump() + "\n").utf8))
        }
        return (checker, policy)
    }

    /// The records this run's units list and what the libclang pass and the Swift source scan would read, with the
    /// snapshot key.
    private struct Inputs {
        package var records: [IndexStoreLoader.RecordReference]
        package var native: NativeCodeAnalyzer
        package var nativePlan: NativeCodeAnalyzer.Plan
        package var scanner: SwiftSourceScanner
        package var swiftSources: SwiftSourceScanner.Inputs
        package var key: String?
    }

    private func readInputs(loader: IndexStoreLoader, packageGraph: PackageGraph, ownership: SourceOwnership,
                            toolchain: Toolchain, catalog: SinkCatalog, demangler: String) throws -> Inputs {
        let units = StaleIndexCheck.current(try timings.measure("index units") { try loader.currentUnits() })
        guard !units.isEmpty else {
            throw CapCheckError(.indexStore, "the index store at \(loader.store.path) has no units; build the package first (drop --skip-build)")
        }
        try StaleIndexCheck.verify(units: units, packageGraph: packageGraph, includeTests: options.includeTests,
                                   storePath: loader.store.path, skippedBuild: options.skipBuild)
        let records = IndexStoreLoader.recordList(of: units), builtModules = Set(units.map(\.moduleName))
        return try timings.measure("inputs") {
            var native = NativeCodeAnalyzer(packageGraph: packageGraph, ownership: ownership, scratchPath: options.scratchPath,
                                            includeTests: options.includeTests,
                                            locateLibClang: { try LibClangLocator.locate(toolchain: toolchain) })
            native.unitFiles = Dictionary(units.map { ($0.mainFile, $0.files) }, uniquingKeysWith: +)
            let scanner = SwiftSourceScanner(
                packageGraph: packageGraph, includeTests: options.includeTests, names: SourceSinkNames(),
                toolchainModules: SwiftSourceScanner.toolchainModules(libraryDirectory: toolchain.libraryDirectory),
                compilerVersion: SwiftSourceScanner.compilerVersion(of: toolchain), indexedLines: [:],
                builtModules: builtModules)
            let (nativePlan, swiftSources) = try concurrently({ try native.plan() }, { scanner.inputs() })
            let key = AnalysisInputs(packageGraph: packageGraph, includeTests: options.includeTests, records: records,
                                     builtModules: builtModules, nativePlan: nativePlan, swiftSources: swiftSources, catalog: catalog,
                                     demangler: FileStamp.identity(of: demangler))
                .key(memo: ScratchLayout(scratch: options.scratchPath).swiftHashes)
            return Inputs(records: records, native: native, nativePlan: nativePlan, scanner: scanner, swiftSources: swiftSources, key: key)
        }
    }

    /// Reads the records, then builds the call graph on one core while the other runs the libclang pass and the
    /// Swift source scan; their results are merged into the graph one after the other, in a fixed order (the graph,
    /// and so every report, does not depend on timing).
    private func analyse(_ inputs: Inputs, loader: IndexStoreLoader, ownership: SourceOwnership, packageGraph: PackageGraph,
                         catalog: SinkCatalog, naming: SymbolNaming) throws -> AnalysisSnapshot {
        let records = try timings.measure("index records") { try loader.records(inputs.records) }
        progress("Building the call graph from \(records.count) records, analysing C-family sources and scanning Swift sources…")
        var scanner = inputs.scanner
        scanner.indexedLines = SwiftSourceScanner.indexedLines(of: records)
        scanner.cache = SourceScanCache(scratch: options.scratchPath)
        scanner.names = catalog.sourceSinkNames()
        let (graph, (nativeFindings, scanned)) = try concurrently({
            timings.measure("call graph") { CallGraphBuilder(packageGraph: packageGraph, ownership: ownership).build(records: records) }
        }, {
            let nativeFindings = try timings.measure("native code") { try inputs.native.analyse(inputs.nativePlan) }
            return (nativeFindings, timings.measure("swift sources") { scanner.scan(inputs.swiftSources) })
        })
        let sourcesUnanalyzed = timings.measure("merge") { () -> [Unanalyzed] in
            NativeGraphMerger(packageGraph: packageGraph, includeTests: options.includeTests, systemLibraries: catalog.systemLibraries)
                .merge(nativeFindings, records: records, into: graph)
            BuildTimeGraph(code: BuildTimeCode(graph: packageGraph)).add(to: graph)
            return SwiftSourceMerger(packageGraph: packageGraph, includeTests: options.includeTests).merge(scanned, records: records, into: graph)
        }
        let catalogSinks = timings.measure("catalog sinks") { CatalogSinks(graph: graph, catalog: catalog, naming: naming) }
        return AnalysisSnapshot(graph: graph, unanalyzed: nativeFindings.unanalyzed + sourcesUnanalyzed, inactiveLines: scanned.inactiveLines,
                                catalogSinks: catalogSinks)
    }

    /// The policy: `--policy`, else `<package>/capabilities.json`. A missing default file is the empty policy
    /// unless the command requires one (`requirePolicy`, unless `requireFile` is false).
    private func loadPolicy(for graph: PackageGraph, requireFile: Bool = true) throws -> Policy {
        let url = options.policyPath ?? options.packagePath.appendingPathComponent("capabilities.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            if options.policyPath == nil && (!options.requirePolicy || !requireFile) { return Policy.empty(file: url.path) }
            throw CapCheckError(.policy, "no policy at \(url.path); write one (see docs/policy.md), or run `capcheck audit` to see what each dependency reaches")
        }
        let policy = try PolicyLoader.load(contentsOf: url)
        var modules: [String: Set<String>] = [:]
        for package in graph.packages { modules[package.identity] = Set(package.targets.map(\.moduleName)) }
        try PolicyValidator.validate(policy, packages: modules, dependencies: graph.transitiveDependencies, root: graph.root.identity)
        return policy
    }
}
