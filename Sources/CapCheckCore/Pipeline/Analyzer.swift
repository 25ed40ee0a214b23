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

/// Runs capcheck's stages in order — package graph → build-time gate → build → index → merged graph → checker — each
/// stage a function returning a value the next one takes. One `Mode` says what the run is for. The CLI and the
/// plugin are thin layers over this type.
public struct Analyzer: Sendable {
    /// What the run is for: it decides how the policy is read, whether violations are collected, and what refusing to
    /// build means.
    public enum Mode: Sendable {
        /// `check`: the policy file must exist; violations are collected. Build-time code without its `build` grant is
        /// not built, and reported as violations.
        case check
        /// `audit`: every capability is reported, none is a violation; a policy file, if any, gives only `build` grants.
        case audit
        /// `explain`: the policy file if there is one; the checker is handed back (`prepare`).
        case explain
        /// `init`: no policy; the checker is handed back (`prepare`).
        case draftPolicy
        /// One side of `diff`: the policy file if there is one, violations collected as `check` does.
        case baseline

        var collectsViolations: Bool { self == .check || self == .baseline || self == .explain }
        var requiresPolicyFile: Bool { self == .check }
        /// Whether the policy decides the report (else only its `build` grants count, before building).
        var usesPolicy: Bool { self != .audit && self != .draftPolicy }
    }

    public struct Options: Sendable {
        public var mode: Mode
        public var packagePath: URL
        public var scratchPath: URL
        public var skipBuild = false
        public var includeTests = false
        /// The policy file; nil means `<package>/capabilities.json`.
        public var policyPath: URL?
        /// Use exactly the versions in Package.resolved, failing if it is out of date (for `diff --base`).
        public var onlyResolvedVersions = false
        /// Build even though plugins or macros lack a `build` grant (the user's consent; `check` never sets it).
        public var allowBuildTimeCode = false
        /// Only check the build-time code against the policy, then stop (no build, no index): `run` returns that
        /// check's report. The command plugin runs this before it asks SwiftPM to build.
        public var buildTimeOnly = false
        /// Run the build under bubblewrap: no network, writes only to the scratch folder (Linux).
        public var sandbox = false
        /// Warn about grants that name no `source` (`check --strict`).
        public var warnAboutUnboundGrants = false
        /// The SwiftPM that runs capcheck holds the scratch folder's lock (`swift package capcheck`: the plugin says so
        /// with `--swiftpm-holds-lock`): SwiftPM queries pass `--ignore-lock`, and building is an error (it would wait
        /// for the lock forever).
        public var swiftPMHoldsLock = false
        /// The configuration to build and analyse (`--configuration`).
        public var configuration: BuildConfiguration = .debug
        /// Resolve the value of every `fs`/`env`/`exec`/`net` sink use into `packages[].reachedValues`
        /// (`audit --values`, `diff`); a check resolves values only where a grant is narrowed.
        public var collectValues = false

        public init(mode: Mode, packagePath: URL, scratchPath: URL? = nil) {
            self.mode = mode
            self.packagePath = packagePath.standardizedFileURL
            self.scratchPath = (scratchPath ?? packagePath.appendingPathComponent(".build")).standardizedFileURL
        }
    }

    /// What `prepare` hands back: a checker ready to run under the policy, or the report of the build-time gate when
    /// the run stopped there (`check` refusing ungranted build-time code, or `buildTimeOnly`).
    public enum Preparation {
        case ready(checker: Checker, policy: Policy)
        case stoppedBeforeBuilding(AnalysisReport)
    }

    public let options: Options
    /// Receives one line per phase (for progress on stderr).
    public let progress: @Sendable (String) -> Void
    /// Shows the counts of the long stages (records read, C sources parsed, Swift sources scanned); nil shows none.
    public let display: ProgressDisplay?
    /// How long each stage of the last `run` took.
    public let timings = StageTimings()
    /// Cache files being written while the checker runs; `run` and `prepare` wait for them before they return.
    private let writes = BackgroundWrites()

    public init(options: Options, progress: @escaping @Sendable (String) -> Void = { _ in }, display: ProgressDisplay? = nil) {
        self.options = options
        self.progress = progress
        self.display = display
    }

    /// Analyses the package and reports what the mode asks for.
    public func run() throws -> AnalysisReport {
        switch try prepare(reusingReports: true) {
        case .reused(let report):
            return report
        case .prepared(.stoppedBeforeBuilding(let report), _):
            return report
        case .prepared(.ready(let checker, let policy), let kept):
            let report = timings.measure("check") { checker.run(policy: policy, collectViolations: options.mode.collectsViolations,
                                                                                collectValues: options.collectValues) }
            releaseInBackground(consume checker)
            writes.waitForAll()
            if let kept { ReportCache(scratch: options.scratchPath, configuration: options.configuration.rawValue)
                .store(report, question: kept.question, analysisKey: kept.analysisKey) }
            return report
        }
    }

    /// Runs every stage up to the checker. `explain` and `init` use the checker their own way.
    public func prepare() throws -> Preparation {
        defer { writes.waitForAll() }
        switch try prepare(reusingReports: false) {
        case .prepared(let preparation, _): return preparation
        case .reused: preconditionFailure("a report is reused only when asked for")
        }
    }

    /// What `prepare(reusingReports:)` hands back: the preparation (with what its report is to be kept under, when it
    /// can be), or the last run's report when it answered the same question of the same inputs (`ReportCache`).
    private enum Prepared {
        case prepared(Preparation, keep: (question: ReportCache.Question, analysisKey: String)?)
        case reused(AnalysisReport)
    }

    private func prepare(reusingReports: Bool) throws -> Prepared {
        let tools = try locateTools()
        do {
            return try prepare(reusingReports: reusingReports, tools: tools, freshGraph: false)
        } catch let unattributed as UnattributedBuiltSource {
            // The cached package graph does not describe the build: resolve it afresh, once.
            progress("The build compiled \(unattributed.file), which no package of the cached package graph owns; resolving the graph again…")
            do {
                return try prepare(reusingReports: reusingReports, tools: tools, freshGraph: true)
            } catch let again as UnattributedBuiltSource {
                throw CapCheckError(.indexStore, """
                    the build compiled \(again.file) (module \(again.module)), which no package of the package graph owns, even \
                    resolved afresh; capcheck cannot tell whose code it is, so it does not check the graph without it (is the \
                    source generated outside its package's folder?)
                    """)
            }
        }
    }

    private func prepare(reusingReports: Bool, tools: Tools, freshGraph: Bool) throws -> Prepared {
        progress("Resolving the package graph…")
        // Without a build the index store is already what it will be: its units are listed while the graph resolves.
        let storePath = builder(tools.toolchain).indexStorePath
        let ((packageGraph, graphChanged), listedEarly) = try concurrently({
            try resolvePackageGraph(tools.toolchain, ignoringCache: freshGraph)
        }, { [self] in
            options.skipBuild && !options.buildTimeOnly ? Result { try listUnits(store: storePath, tools: tools) } : nil
        })
        let policy = options.mode.usesPolicy
            ? try loadPolicy(for: packageGraph, required: options.mode.requiresPolicyFile) : Policy.empty(file: "(audit)")
        // Other names of the C library's listed functions (`__open`, `_IO_popen`) are the same sinks.
        let catalog = try timings.measure("catalog") { try SinkCatalog.bundled().addingAliases(RuntimeExports.aliases) }
        if options.buildTimeOnly || !options.skipBuild {
            let grants = options.mode.usesPolicy ? policy : try loadPolicy(for: packageGraph, required: false)
            let gate = try BuildTimeGate.decide(BuildTimeCheck(packageGraph: packageGraph, catalog: catalog, naming: tools.naming).run(policy: grants),
                                                mode: options.mode, consent: options.allowBuildTimeCode, policyFile: grants.file)
            if case .refused(let report) = gate {
                progress("Not building: \(report.violations.count) build-time target(s) would run without a `build` grant")
                return .prepared(.stoppedBeforeBuilding(report), keep: nil)
            }
            if options.buildTimeOnly { return .prepared(.stoppedBeforeBuilding(gate.report), keep: nil) }
        }
        let builder = try build(packageGraph, replan: graphChanged, toolchain: tools.toolchain)
        let ownership = SourceOwnership(graph: packageGraph)
        // `CAPCHECK_DEBUG_GRAPH` asks for the graph itself, so it is never answered from a kept report.
        let question = reusingReports && !Self.dumpsGraph
            ? ReportCache.Question(mode: "\(options.mode)", policyFile: policy.file, policyDigest: policy.contentDigest,
                                   includeTests: options.includeTests, collectValues: options.collectValues) : nil
        let listed = try listedEarly?.get() ?? listUnits(store: builder.indexStorePath, tools: tools)
        switch try analysis(packageGraph: packageGraph, ownership: ownership, listed: listed, tools: tools,
                            catalog: catalog, question: question) {
        case .reused(let report):
            return .reused(report)
        case .analysed(let snapshot, let key, let macros):
            var checker = checker(snapshot, packageGraph: packageGraph, ownership: ownership, catalog: catalog, naming: tools.naming)
            checker.macros = macros
            return .prepared(.ready(checker: checker, policy: policy), keep: question.flatMap { question in key.map { (question, $0) } })
        }
    }

    /// `CAPCHECK_DEBUG_GRAPH`: print the merged graph on standard error before checking.
    private static var dumpsGraph: Bool { ProcessInfo.processInfo.environment["CAPCHECK_DEBUG_GRAPH"] != nil }

    /// The toolchain and the libraries capcheck loads from it, after checking the folders it was given. Without the
    /// demangler no Swift sink could be recognised: that is an error, never a silent pass.
    private struct Tools {
        let toolchain: Toolchain
        let indexStoreLibrary: String
        let demanglerLibrary: String
        let naming: SymbolNaming
    }

    private func locateTools() throws -> Tools {
        if options.swiftPMHoldsLock, !options.skipBuild, !options.buildTimeOnly {
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
        let demanglerLibrary = try toolchain.library("libswiftDemangle.so", override: "CAPCHECK_LIBSWIFTDEMANGLE")
        return Tools(toolchain: toolchain, indexStoreLibrary: indexStoreLibrary, demanglerLibrary: demanglerLibrary,
                     naming: SymbolNaming(demangler: try SwiftDemangler(libraryPath: demanglerLibrary)))
    }

    /// The package graph, and whether it changed since capcheck last saw it (then SwiftPM must plan the build afresh).
    private func resolvePackageGraph(_ toolchain: Toolchain, ignoringCache: Bool) throws -> (graph: PackageGraph, changed: Bool) {
        ScratchLayout(scratch: options.scratchPath).prepare()
        var graphLoader = PackageGraphLoader(toolchain: toolchain, packagePath: options.packagePath, scratchPath: options.scratchPath)
        graphLoader.onlyResolvedVersions = options.onlyResolvedVersions
        graphLoader.swiftPMHoldsLock = options.swiftPMHoldsLock
        return try timings.measure("package graph") { try graphLoader.loadNoting(ignoringCache: ignoringCache) }
    }

    /// The builder of this run's configuration and options.
    private func builder(_ toolchain: Toolchain) -> PackageBuilder {
        var builder = PackageBuilder(toolchain: toolchain, packagePath: options.packagePath, scratchPath: options.scratchPath)
        builder.configuration = options.configuration
        builder.onlyResolvedVersions = options.onlyResolvedVersions
        builder.sandbox = options.sandbox
        return builder
    }

    /// The index store's current units (those of sources that still exist), with the loader that read them.
    private func listUnits(store: URL, tools: Tools) throws -> (loader: IndexStoreLoader, units: [IndexUnit]) {
        let loader = IndexStoreLoader(store: try IndexStore(path: store.path, libraryPath: tools.indexStoreLibrary))
        let units = StaleIndexCheck.current(try timings.measure("index units") { try loader.currentUnits() })
        guard !units.isEmpty else {
            throw CapCheckError(.indexStore, "the index store at \(store.path) has no units; build the package first (drop --skip-build)")
        }
        return (loader, units)
    }

    /// Builds (unless `skipBuild`), which writes the index store; returns the builder, which knows where the store is.
    private func build(_ packageGraph: PackageGraph, replan: Bool, toolchain: Toolchain) throws -> PackageBuilder {
        var builder = builder(toolchain)
        builder.replan = replan
        if !options.skipBuild {
            progress("Building \(packageGraph.root.identity) (debug, indexing every target)…")
            try timings.measure("build") { try builder.build(includeTests: options.includeTests, echoProgress: false) }
        }
        return builder
    }

    /// What `analysis` found: the merged graph with the key of its inputs, or the last run's report.
    private enum Analysis {
        case analysed(AnalysisSnapshot, key: String?, macros: MacroReferences)
        case reused(AnalysisReport)
    }

    /// The merged graph and the catalog's classification of it: the last run's snapshot when no input changed, else
    /// worked out afresh (and kept for the next run). When no input changed and the last run answered `question`, its
    /// report instead (`ReportCache`).
    private func analysis(packageGraph: PackageGraph, ownership: SourceOwnership, listed: (loader: IndexStoreLoader, units: [IndexUnit]),
                          tools: Tools, catalog: SinkCatalog, question: ReportCache.Question?) throws -> Analysis {
        progress("Reading the index store…")
        let loader = listed.loader
        let configuration = options.configuration.rawValue
        // The last run's snapshot (`AnalysisSnapshot`) is read on one core while the other works out this run's
        // inputs; it is used only when they are the same as the last run's. A kept report made from that same
        // snapshot makes reading it pointless: with the same inputs the report is the answer, with others the
        // snapshot is of no use either.
        let (inputs, (kept, last)) = try concurrently({
            try readInputs(loader: loader, units: listed.units, packageGraph: packageGraph, ownership: ownership, toolchain: tools.toolchain, catalog: catalog,
                           demangler: tools.demanglerLibrary)
        }, {
            lastRun(question: question)
        })
        if let kept, inputs.key == kept.analysisKey {
            progress("Checking: no input changed since the last run, nor the policy, so its report is reused…")
            releaseInBackground(consume inputs)
            return .reused(kept.report)
        }
        let macros = MacroReferences(store: loader.store, records: inputs.records, unitFiles: inputs.native.unitFiles)
        let reusable = inputs.key.map { last?.written.matches(key: $0) == true } == true ? last?.snapshot : nil
        releaseInBackground(consume last)  // a stale graph must not stay in memory while the new one is built
        let key = inputs.key
        if let reusable {
            progress("Building the call graph: no input changed since the last run, so its graph is reused…")
            releaseInBackground(consume inputs)
            return .analysed(reusable, key: key, macros: macros)
        }
        let snapshot = try analyse(inputs, loader: loader, ownership: ownership, packageGraph: packageGraph, catalog: catalog,
                                   naming: tools.naming)
        // Written while the checker runs (`writes`).
        if let key { writes.start { [timings, options] in
            timings.measure("snapshot") { snapshot.store(key: key, scratch: options.scratchPath, configuration: configuration) }
        } }
        releaseInBackground(consume inputs)
        return .analysed(snapshot, key: key, macros: macros)
    }

    /// The last run's report if it answered `question`, and its snapshot unless that report was made from it.
    private func lastRun(question: ReportCache.Question?)
        -> (kept: (analysisKey: String, report: AnalysisReport)?, snapshot: (written: CacheFile.Contents, snapshot: AnalysisSnapshot)?) {
        let configuration = options.configuration.rawValue
        let kept = question.flatMap { ReportCache(scratch: options.scratchPath, configuration: configuration).load(question: $0) }
        if let kept, AnalysisSnapshot.file(in: options.scratchPath, configuration: configuration).keyDigest()
            == CacheFile.digest(Data(kept.analysisKey.utf8)) {
            return (kept, nil)
        }
        return (kept, timings.measure("snapshot") { AnalysisSnapshot.load(scratch: options.scratchPath, configuration: configuration) })
    }

    private func checker(_ snapshot: AnalysisSnapshot, packageGraph: PackageGraph, ownership: SourceOwnership, catalog: SinkCatalog,
                         naming: SymbolNaming) -> Checker {
        let graph = snapshot.graph
        progress("Checking \(graph.nodes.count) symbols and \(graph.edgeCount) edges…")
        var checker = Checker(graph: graph, packageGraph: packageGraph, ownership: ownership, catalog: catalog,
                              naming: naming, includeTests: options.includeTests)
        checker.timings = timings
        checker.unanalyzed = UnanalyzedCode.find(in: packageGraph) + snapshot.unanalyzed
        checker.inactiveLines = snapshot.inactiveLines
        checker.catalogSinks = snapshot.catalogSinks
        if Self.dumpsGraph {
            StandardStream.error.write(checker.debugDump() + "\n")
        }
        return checker
    }

    /// The records this run's units list and what the libclang pass and the Swift source scan would read, with the
    /// snapshot key.
    private struct Inputs: Sendable {
        package var records: [IndexStoreLoader.RecordReference]
        package var native: NativeCodeAnalyzer
        package var nativePlan: NativeCodeAnalyzer.Plan
        package var scanner: SwiftSourceScanner
        package var swiftSources: SwiftSourceScanner.Inputs
        /// The object file of each scanned Swift source, with its module (`SwiftObjectExports`).
        package var swiftObjects: [(file: String, module: String, object: String)]
        /// Every object file of a package's (non-test, unless asked) target, scanned once (`PackageObjectScan`).
        package var objects: [ObjectFile]
        package var key: String?
    }

    private func readInputs(loader: IndexStoreLoader, units: [IndexUnit], packageGraph: PackageGraph, ownership: SourceOwnership,
                            toolchain: Toolchain, catalog: SinkCatalog, demangler: String) throws -> Inputs {
        // The staleness check runs beside the inputs: it reads what they do not (every source's stamp, the build's
        // manifest when some unit has no owner) and its error, if any, is the one reported.
        let buildManifest = options.scratchPath.appendingPathComponent("\(options.configuration.rawValue).yaml")
        let (_, inputs) = try concurrently({
            try timings.measure("stale index check") {
                try StaleIndexCheck.verify(units: units, packageGraph: packageGraph, ownership: ownership, includeTests: options.includeTests,
                                           storePath: loader.store.path, skippedBuild: options.skipBuild, buildManifest: buildManifest)
            }
        }, {
            var inputs = try plannedInputs(units: units, packageGraph: packageGraph, ownership: ownership, toolchain: toolchain, catalog: catalog,
                                           demangler: demangler, recordsFolder: loader.store.path + "/v5/records")
            let store = loader.store
            inputs.native.unitRecords = { CUnitRecords(units: units, store: store) }
            return inputs
        })
        return inputs
    }

    /// The records `units` list, the libclang pass's plan and the Swift scan's inputs, with the snapshot key.
    private func plannedInputs(units: [IndexUnit], packageGraph: PackageGraph, ownership: SourceOwnership, toolchain: Toolchain,
                               catalog: SinkCatalog, demangler: String, recordsFolder: String) throws -> Inputs {
        let records = IndexStoreLoader.recordList(of: units), builtModules = Set(units.map(\.moduleName))
        return try timings.measure("inputs") {
            var native = NativeCodeAnalyzer(packageGraph: packageGraph, ownership: ownership, scratchPath: options.scratchPath,
                                            includeTests: options.includeTests,
                                            locateLibClang: { try LibClangLocator.locate(toolchain: toolchain) })
            // A package's own header is never a system header (`#pragma GCC system_header` makes clang say it is).
            // Once per distinct path: every C unit lists the same system headers (hundreds of thousands of entries).
            let folders = PackageFolders(packageGraph)
            var inPackage: [String: Bool] = [:]
            native.unitFiles = Dictionary(units.map { unit in
                (unit.mainFile, unit.files.map { file -> (path: String, isSystem: Bool) in
                    guard file.isSystem else { return (file.path, false) }
                    if let known = inPackage[file.path] { return (file.path, !known) }
                    let known = folders.contains(file.path)
                    inPackage[file.path] = known
                    return (file.path, !known)
                })
            }, uniquingKeysWith: +)
            native.configuration = options.configuration
            let compilerVersion = SwiftSourceScanner.compilerVersion(of: toolchain)
            native.swiftCompilerVersion = compilerVersion
            var configured = SwiftSourceScanner(
                packageGraph: packageGraph, includeTests: options.includeTests, names: SourceSinkNames(),
                toolchainModules: SwiftSourceScanner.toolchainModules(libraryDirectory: toolchain.libraryDirectory),
                compilerVersion: compilerVersion, indexedLines: [:],
                builtModules: builtModules)
            configured.configuration = options.configuration
            configured.unitSources = units.filter { $0.mainFile.hasSuffix(".swift") }.map { ($0.moduleName, $0.mainFile) }
            let scanner = configured
            let memo = ScratchLayout(scratch: options.scratchPath).swiftHashes, demanglerIdentity = FileStamp.identity(of: demangler)
            let includeTests = options.includeTests
            let ((nativePlan, nativeDigest), (swiftSources, digest)) = try concurrently({
                try timings.measure("native plan") { let plan = try native.plan(); return (plan, plan.digest) }
            }, {
                var swiftSources = timings.measure("swift inputs") { scanner.inputs() }
                let (digest, contents) = timings.measure("inputs digest") { [swiftSources] in
                    AnalysisInputs(packageGraph: packageGraph, includeTests: includeTests, records: records, builtModules: builtModules,
                                   swiftSources: swiftSources, catalog: catalog, demangler: demanglerIdentity,
                                   recordsFolder: recordsFolder)
                        .digest(memo: memo)
                }
                swiftSources.contentHashes = contents
                return (swiftSources, digest)
            })
            let key = AnalysisInputs.key(digest: digest, native: nativeDigest)
            let scanned = Set(swiftSources.files.map(\.file))
            let swiftObjects = units.compactMap { unit -> (file: String, module: String, object: String)? in
                let file = PathText.standardized(unit.mainFile)
                return scanned.contains(file) && !unit.outputFile.isEmpty ? (file, unit.moduleName, unit.outputFile) : nil
            }
            // An assembly source's object too: its autolink section reaches the link step like any object's (the
            // twentieth sweep's `.S` file asked for `--ld-path=<the package's program>`), though no unit lists it.
            let assembled = nativePlan.assemblyObjects.compactMap { entry -> ObjectFile? in
                guard let owner = ownership.owner(of: entry.source, unitModule: entry.target.moduleName),
                      includeTests || !ownership.isTest(package: owner.package, module: owner.module ?? entry.target.moduleName) else { return nil }
                return ObjectFile(package: owner.package, module: owner.module ?? entry.target.moduleName, source: entry.source, object: entry.object)
            }
            let objects = assembled + units.compactMap { unit -> ObjectFile? in
                guard !unit.outputFile.isEmpty, let owner = ownership.owner(of: unit.mainFile, unitModule: unit.moduleName),
                      includeTests || !ownership.isTest(package: owner.package, module: owner.module ?? unit.moduleName) else { return nil }
                return ObjectFile(package: owner.package, module: owner.module ?? unit.moduleName, source: unit.mainFile,
                                  object: unit.outputFile)
            }
            return Inputs(records: records, native: native, nativePlan: nativePlan, scanner: scanner, swiftSources: swiftSources,
                          swiftObjects: swiftObjects, objects: objects, key: key)
        }
    }

    /// Reads the records, then builds the call graph on one core while the other runs the libclang pass and the
    /// Swift source scan; their results are merged into the graph one after the other, in a fixed order (the graph,
    /// and so every report, does not depend on timing).
    private func analyse(_ inputs: Inputs, loader: IndexStoreLoader, ownership: SourceOwnership, packageGraph: PackageGraph,
                         catalog: SinkCatalog, naming: SymbolNaming) throws -> AnalysisSnapshot {
        @Sendable func runNative() throws -> NativeFindings {
            let nativeFindings = try timings.measure("native code") { try inputs.native.analyse(inputs.nativePlan, display: display) }
            if nativeFindings.sourcesParsed + nativeFindings.sourcesSkipped > 0 {
                timings.record("native code: prefilter (\(nativeFindings.sourcesSkipped) of "
                               + "\(nativeFindings.sourcesParsed + nativeFindings.sourcesSkipped) sources spared libclang, "
                               + "\(nativeFindings.sourcesClearedByRecords) of them by the records alone)",
                               seconds: nativeFindings.prefilterSeconds)
                timings.record("native code: libclang parses (\(nativeFindings.sourcesParsed), \(nativeFindings.sourcesParsedToACut.count) of them "
                               + "cut after the headers they cover)", seconds: nativeFindings.parseSeconds)
            }
            return nativeFindings
        }
        // When C sources must be parsed (a cold run), libclang runs before the records are read, on both cores, so its
        // translation units and the call graph are never in memory together (the cold run's peak on vapor's graph);
        // otherwise its cached results are read beside the call graph.
        let parsedFirst = inputs.native.parsesSources(inputs.nativePlan) ? try runNative() : nil
        let records = try timings.measure("index records") {
            try loader.records(inputs.records, progress: display?.counter("reading index records", total: inputs.records.count) ?? .silent)
        }
        progress("Building the call graph from \(records.count) records, analysing C-family sources and scanning Swift sources…")
        var configured = inputs.scanner
        configured.indexedLines = SwiftSourceScanner.indexedLines(of: records)
        configured.cache = SourceScanCache(scratch: options.scratchPath, configuration: options.configuration.rawValue)
        configured.names = catalog.sourceSinkNames()
        let scanner = configured
        let ((builder, facts), (nativeFindings, (scanned, (autolinked, mangled, linked, placed)))) = try concurrently({
            timings.measure("call graph") { CallGraphBuilder(packageGraph: packageGraph, ownership: ownership).build(records: records) }
        }, {
            let nativeFindings = try parsedFirst ?? runNative()
            let scanning = display?.counter("scanning Swift sources", total: inputs.swiftSources.files.count) ?? .silent
            var scanned = timings.measure("swift sources") { scanner.scan(inputs.swiftSources, progress: scanning) }
            let named = scanned.findings
            scanned.findings += timings.measure("swift objects") {
                Self.objectFindings(inputs.swiftObjects, packages: inputs.swiftSources.files, scanned: named, records: records,
                                    cFunctions: scanner.names.functions)
            }
            // The runtime libraries' exports, which the merge asks for (`CLibraryInterposition`) and the objects' scan
            // compares with, read while this core would wait for the call graph; then every package object, once.
            RuntimeExports.readExports()
            let objects = timings.measure("package objects") {
                Self.scanObjects(inputs.objects, linkedModules: packageGraph.linkedModules(includeTests: options.includeTests))
            }
            return (nativeFindings, (scanned, objects))
        })
        // The linker flags objects place in their autolink sections are the target's own linker flags (build-time code
        // unless quiet), whatever its manifest says.
        let passes = GraphPasses.ordered(facts: facts, packageGraph: packageGraph.addingLinkerFlags(placed), includeTests: options.includeTests,
                                         catalog: catalog,
                                         native: nativeFindings, scanned: scanned, records: records, mangledDefinitions: mangled)
        let unanalyzed = timings.measure("merge") {
            passes.flatMap { pass in timings.measure("merge: \(type(of: pass))") { pass.apply(to: builder) } }
        } + autolinked
        let graph = builder.freeze()
        var sinkCatalog = catalog
        sinkCatalog.programFetchesURLs = linked.contains(RemoteURLLoaders.networkingModule)
        let catalogSinks = timings.measure("catalog sinks") { [sinkCatalog] in CatalogSinks(graph: graph, catalog: sinkCatalog, naming: naming) }
        return AnalysisSnapshot(graph: graph, unanalyzed: unanalyzed, inactiveLines: scanned.inactiveLines,
                                catalogSinks: catalogSinks)
    }

    /// What the Swift object files export to C or place in init and fini arrays (`SwiftObjectExports`), as findings tied
    /// to the declaration that runs: from program start, `ffi` for an export, `unsafe` for an array entry. The
    /// merger drops those a source finding already runs from program start (an `@_cdecl` the scan read).
    ///
    /// Also the classified C functions (`cFunctions`: `clearenv`, `mkdir`) an object calls that neither the file's index
    /// record names (a call of an imported C function does) nor a binding the scan read (`@_silgen_name("clearenv")`)
    /// nor, at the merge, the C the file's code reaches (an inline function of a header, an asm label: `objectCall`):
    /// a binding a macro expanded, which no source file holds (the thirtieth sweep's `#bindings()` emptied the
    /// environment). The call cannot be placed in a declaration, so the capability, and `ffi`, go with every
    /// declaration of the file (`withFile`).
    private static func objectFindings(_ objects: [(file: String, module: String, object: String)],
                                       packages: [(package: String, file: String)], scanned: [SwiftSourceFinding],
                                       records: [IndexRecord], cFunctions: [String: Capability]) -> [SwiftSourceFinding] {
        let packageOf = Dictionary(packages.map { ($0.file, $0.package) }, uniquingKeysWith: { first, _ in first })
        // The C symbols the source names (`@_cdecl("f")`, `@c(f)`), by file: the object's export of one is that finding.
        var namedExports: [String: Set<String>] = [:]
        for finding in scanned where finding.reach != .withDeclaration && finding.sink.hasPrefix("@") {
            let text = finding.sink.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }.filter { $0 != "\"" }
            namedExports[finding.file, default: []].insert(String(text))
        }
        // The C symbols each file names: its record's (an imported function it calls) and its bindings' (`boundSymbol`).
        var namedCSymbols: [String: Set<String>] = [:]
        for record in records where record.filePath.hasSuffix(".swift") {
            // A C function's USR is `c:@F@mkdir`; its name as Swift imports it has labels (`mkdir(_:_:)`).
            let names = record.symbols.filter { $0.usr.hasPrefix("c:") }.map { String($0.name.prefix { $0 != "(" }) }
            if !names.isEmpty { namedCSymbols[PathText.standardized(record.filePath), default: []].formUnion(names) }
        }
        for finding in scanned { if let bound = finding.boundSymbol { namedCSymbols[finding.file, default: []].insert(bound) } }
        let read = concurrentMap(objects.count) { index in SwiftObjectExports.read(objectAt: objects[index].object, module: objects[index].module) }
        var findings: [SwiftSourceFinding] = []
        for (object, found) in zip(objects, read) {
            guard let package = packageOf[object.file], let (entries, undefined) = found else { continue }
            for name in Set(undefined).sorted() where namedCSymbols[object.file]?.contains(name) != true {
                guard let capability = cFunctions[name] else { continue }
                for (sink, held) in [("\(name) (called by the object file, bound by no source line)", capability),
                                     ("\(name) (a C function the object file calls, bound by no source line)", Capability.ffi)] {
                    var finding = SwiftSourceFinding(sink: sink, capability: held, package: package, file: object.file,
                                                     line: 1, column: 1, declaration: nil, reach: .withFile)
                    finding.objectCall = name
                    findings.append(finding)
                }
            }
            for entry in entries where entry.isLoadTime || namedExports[object.file]?.contains(entry.symbol) != true {
                let sink = entry.isLoadTime ? "init or fini array entry \(entry.symbol) (in the object file)" : "exported C symbol \(entry.symbol) (in the object file)"
                var finding = SwiftSourceFinding(sink: sink, capability: entry.isLoadTime ? .unsafe : .ffi, package: package, file: object.file,
                                                 line: 1, column: 1, declaration: nil,
                                                 reach: .fromProgramStart(why: entry.isLoadTime ? "placed in an init or fini section" : "exported under a C symbol"))
                finding.objectSymbol = entry.swiftSymbol ?? ""
                findings.append(finding)
            }
        }
        return findings
    }

    /// An object file of a package's target, and the source it was compiled from.
    struct ObjectFile: Sendable {
        let package: String, module: String, source: String, object: String
    }

    /// Every package object, mapped once (`PackageObjectScan`): the linker flags objects ask for in their autolink
    /// section that the compiler does not put there (SwiftPM passes them to the linker unread, so each object's are
    /// listed as unanalysed flags), and the C++ functions C-family objects define under a name a runtime library exports
    /// (`MangledRuntimeDefinitions`).
    /// The libraries the objects of `linkedModules` link through their autolink entries (`linked`), as well.
    /// The libraries the objects of `linkedModules` link through their autolink entries (`linked`), and the flags each
    /// target's objects place there themselves (`placed`, by `identity|module`), as well.
    private static func scanObjects(_ objects: [ObjectFile], linkedModules: Set<String>)
        -> (autolinked: [Unanalyzed], mangled: [MangledRuntimeDefinitions.InObject], linked: Set<String>, placed: [String: [String]]) {
        let read = concurrentMap(objects.count) { index in
            PackageObjectScan.read(objectAt: objects[index].object, isSwift: objects[index].source.hasSuffix(".swift"))
        }
        var autolinked: [Unanalyzed] = [], mangled: [MangledRuntimeDefinitions.InObject] = [], linked = Set<String>()
        var placed: [String: [String]] = [:]
        for (object, found) in zip(objects, read) {
            if linkedModules.contains(object.module) { linked.formUnion(found.linkedLibraries) }
            if !found.autolink.isEmpty {
                placed[object.package + "|" + object.module, default: []] += found.autolink
                autolinked.append(Unanalyzed(
                    package: object.package, reason: "the object of \((object.source as NSString).lastPathComponent) (target "
                        + "\(object.module)) passes the linker `\(found.autolink.joined(separator: " "))` through its \(AutolinkEntries.section) "
                        + "section, which SwiftPM hands to the linker unread; what the flags do (run a function at load, rename "
                        + "symbols, link a library) is not analysed",
                    kind: .unsafeFlags, target: object.module, file: object.source))
            }
            mangled += found.mangled.map {
                MangledRuntimeDefinitions.InObject(package: object.package, source: PathText.standardized(object.source), definition: $0)
            }
        }
        return (autolinked, mangled, linked, placed)
    }

    /// The policy: `--policy`, else `<package>/capabilities.json`. A missing default file is the empty policy unless
    /// `required`; a missing `--policy` file is always an error.
    private func loadPolicy(for graph: PackageGraph, required: Bool) throws -> Policy {
        let url = options.policyPath ?? options.packagePath.appendingPathComponent("capabilities.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            if options.policyPath == nil && !required { return Policy.empty(file: url.path) }
            throw CapCheckError(.policy, "no policy at \(url.path); write one (see docs/policy.md), or run `capcheck audit` to see what each dependency reaches")
        }
        let policy = try PolicyLoader.load(contentsOf: url)
        var modules: [String: Set<String>] = [:]
        for package in graph.packages { modules[package.identity] = Set(package.targets.map(\.moduleName)) }
        try PolicyValidator.validate(policy, packages: modules, dependencies: graph.transitiveDependencies, root: graph.root.identity)
        try GrantSources.verify(policy, graph: graph, rootPath: options.packagePath)
        if options.warnAboutUnboundGrants {
            for line in GrantSources.unbound(policy, graph: graph, rootPath: options.packagePath) {
                StandardStream.error.write("warning: \(line)\n")
            }
        }
        return policy
    }
}
