import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

/// The libclang pass: parses every C, C++ and Objective-C source of every C-family target of the build (with the
/// flags SwiftPM compiled it with) and collects, per definition, what the index store does not record.
/// The result is merged into the call graph by `NativeGraphMerger`.
public struct NativeCodeAnalyzer: Sendable {
    public let packageGraph: PackageGraph
    public let ownership: SourceOwnership
    /// SwiftPM's scratch folder (`.build`), which holds the build manifest `debug.yaml`.
    public let scratchPath: URL
    /// The configuration built: its build manifest (`debug.yaml`, `release.yaml`) holds the compile commands.
    public var configuration: BuildConfiguration = .debug
    public let includeTests: Bool
    /// Finds libclang; called only when there is C-family code to parse.
    public let locateLibClang: @Sendable () throws -> String
    /// The files each source's compilation read (from its index unit), by source path: results are cached under
    /// `<scratch>/capcheck/native/`, keyed by the content of those files (`SourceFingerprints`). When there are
    /// units, a source with neither a unit nor an object file was not compiled by this build and is not analysed
    /// (`ClangCompileCommand.wasCompiled`); one compiled without a unit is analysed, uncached.
    public var unitFiles: [String: [(path: String, isSystem: Bool)]] = [:]
    /// The Swift compiler's version (`[6, 3, 1]`): public headers are parsed as Swift's importer sees them, with
    /// `__swift__` defined (to the compiler's version, as in the Swift 6 language mode), since a header can declare
    /// something else for Swift (`#if defined(__swift__)` around an asm label: the eighteenth sweep's).
    public var swiftCompilerVersion: [Int] = []
    /// Whether `ParsePrefilter` may spare libclang the sources with nothing the index lacks (on unless
    /// `CAPCHECK_NATIVE_PREFILTER=0`): the findings are the same either way, only slower without it.
    public var usesPrefilter = ProcessInfo.processInfo.environment["CAPCHECK_NATIVE_PREFILTER"] != "0"
    /// Whether a covering parse may stop after the last header it covers (`CoveringParseCut`; on unless
    /// `CAPCHECK_COVERING_CUT=0`): the findings are the same either way.
    public var cutsCoveringParses = ProcessInfo.processInfo.environment["CAPCHECK_COVERING_CUT"] != "0"
    /// Makes the C-family units and their records, with which `RecordPrefilter` spares most sources the prefilter's
    /// `clang -E` (nil: every source not cached is preprocessed; `CAPCHECK_RECORD_PREFILTER=0` turns it off). Called
    /// only when some source is not cached: a warm run never pays for it.
    package var unitRecords: (@Sendable () -> CUnitRecords)?

    public init(packageGraph: PackageGraph, ownership: SourceOwnership, scratchPath: URL, includeTests: Bool,
                locateLibClang: @escaping @Sendable () throws -> String) {
        self.packageGraph = packageGraph
        self.ownership = ownership
        self.scratchPath = scratchPath
        self.includeTests = includeTests
        self.locateLibClang = locateLibClang
    }

    /// What the pass would parse and what each source was compiled from, worked out without parsing anything (and
    /// without loading libclang): `analyse(_:)` runs it, and its `digest` names the pass's whole input.
    public struct Plan: Sendable {
        /// Assembly sources: reported as unanalysed, never parsed.
        package var assembly: [Unanalyzed] = []
        /// The object files of the assembly sources (clang writes no index unit for them, so the units do not list
        /// them), by source, with their target: read for what their autolink sections ask of the link step.
        package var assemblyObjects: [(source: String, object: String, target: Target)] = []
        package var parsed: [(command: ClangCompileCommand, target: Target)] = []
        /// The sources made for targets' public headers (`PublicHeaderUnits`), among `parsed`.
        package var publicHeaderUnits: Set<String> = []
        package var fingerprints: SourceFingerprints?
        /// The platform's flags (target, sysroot, clang's resource folder) for reading `<sys/syscall.h>`.
        package var syscallPlatform: [String] = []
        package var syscallKey = ""
        package var libraryPath = ""
        package var libraryIdentity = ""
        /// The Swift modules compiled with C++ interoperability (`CxxInteropModules`); nil without a build manifest,
        /// when every Swift module counts as one.
        package var cxxInteropModules: Set<String>?

        /// Per parsed source, its cache key; nil for a source compiled without an index unit (always parsed).
        package func keys(_ cache: NativeResultCache) -> [String?] {
            parsed.map { entry in fingerprints?.fingerprint(of: entry.command.source).map { cache.key(for: entry.command, inputs: $0) } }
        }

        /// The SHA-256 of everything the pass's result depends on (what the sources' cache keys cover, hashed
        /// without working out each key); nil when some source has no index unit to name its inputs.
        public var digest: String? {
            var hasher = SHA256()
            for field in [libraryIdentity, syscallKey] + assembly.map(\.reason) { hasher.update(field: field) }
            for field in cxxInteropModules.map({ $0.sorted() }) ?? ["every Swift module"] { hasher.update(field: field) }
            for (command, target) in parsed {
                for field in [command.source, target.name] + command.arguments { hasher.update(field: field) }
                guard let fingerprints, fingerprints.update(&hasher, withInputsOf: command.source) else { return nil }
            }
            fingerprints?.update(&hasher)
            return hasher.hexDigest()
        }
    }

    public func plan() throws -> Plan {
        var plan = Plan()
        let manifest = BuildManifestCommands.read(scratch: scratchPath, configuration: configuration)
        plan.cxxInteropModules = manifest?.cxxInteropModules
        for (command, target) in compileCommands(manifest: manifest) {
            let ext = (command.source as NSString).pathExtension
            if ClangCompileCommands.assemblyExtensions.contains(ext) {
                plan.assembly.append(Unanalyzed(
                    package: owner(of: command.source)?.package ?? packageGraph.root.identity,
                    reason: "assembly source \(command.source) of target \(target.name): machine code capcheck does not read",
                    kind: .assemblySource, target: target.name, file: command.source))
                if let object = command.output { plan.assemblyObjects.append((command.source, object, target)) }
            } else if command.wasCompiled(units: unitFiles) {
                plan.parsed.append((command, target))
            }
            // else: the manifest plans every target of the graph, but this build compiled only what the root's
            // products need; a source it did not compile is not part of the program (and its load-time code
            // would not run).
        }
        guard !plan.parsed.isEmpty else {
            plan.fingerprints = fingerprints(of: [:], assembly: plan.assemblyObjects)
            return plan
        }
        var inputs = unitFiles
        let headersFolder = ScratchLayout(scratch: scratchPath).native.appendingPathComponent("public-headers")
        var seenTargets = Set<String>()
        var headerUnits = PublicHeaderUnits()
        headerUnits.productsFolder = scratchPath.appendingPathComponent(configuration.rawValue)
        let compiled = Set(plan.parsed.map { URL(fileURLWithPath: $0.command.source).standardizedFileURL.path })
        for (command, target) in plan.parsed where seenTargets.insert(target.path).inserted {
            guard let package = package(of: target),
                  let unit = try headerUnits.unit(for: target, in: package, like: command, folder: headersFolder, graph: packageGraph,
                                                        compiled: compiled)
            else { continue }
            let version = swiftCompilerVersion + Array(repeating: 0, count: max(0, 3 - swiftCompilerVersion.count))
            let swiftMacro = "-D__swift__=\(version[0] * 10000 + version[1] * 100 + version[2])"
            plan.parsed.append((unit.command.adding([swiftMacro]), target))
            plan.publicHeaderUnits.insert(unit.command.source)
            inputs[unit.command.source] = unit.inputs
        }

        plan.libraryPath = try locateLibClang()
        let resources = LibClangLocator.resourceArguments(forLibrary: plan.libraryPath)
        plan.parsed = plan.parsed.map {
            ($0.command.adding(resources), $0.target)
        }
        plan.libraryIdentity = FileStamp.identity(of: plan.libraryPath)
        let cache = self.cache(for: plan)
        plan.syscallPlatform = Self.platformArguments(plan.parsed[0].command.arguments) + resources
        plan.syscallKey = cache.key(forSyscallsOf: plan.syscallPlatform, names: try SinkCatalog.reviewedSystemCalls().map { "\($0.name):\($0.capability.name)" })
        let sources = Set(plan.parsed.map(\.command.source))
        plan.fingerprints = fingerprints(of: inputs.filter { sources.contains($0.key) }, assembly: plan.assemblyObjects)
        return plan
    }

    /// The fingerprints of what the parsed sources were compiled from, and of each assembly source's own text (which
    /// decides its object's autolink section, read by every run); nil when there is neither.
    private func fingerprints(of inputs: [String: [(path: String, isSystem: Bool)]],
                              assembly: [(source: String, object: String, target: Target)]) -> SourceFingerprints? {
        var all = inputs
        for entry in assembly {
            // What the assembler read: the source and the files its dependency file lists (`#include "entries.inc"`, whose
            // autolink entries changed alone in the twenty-seventh sweep's update, with the old report kept).
            let included = Self.dependencyFileInputs(ofObject: entry.object).filter { $0 != entry.source }
            all[entry.source] = [(entry.source, false)] + Set(included).sorted().map { ($0, false) }
        }
        return all.isEmpty ? nil : SourceFingerprints(inputs: all, memo: ScratchLayout(scratch: scratchPath).nativeFingerprints)
    }

    /// The files the make-style dependency file the build wrote beside an object (`entries.S.o` → `entries.S.d`) lists;
    /// none when there is no such file.
    package static func dependencyFileInputs(ofObject object: String) -> [String] {
        guard object.hasSuffix(".o"), let data = FileManager.default.contents(atPath: String(object.dropLast(2)) + ".d") else { return [] }
        // Byte by byte (a warm run reads every assembly source's file; by `Character` it took 30 ms on vapor's graph):
        // the prerequisites after the first `: `, separated by whitespace; a backslash escapes the next byte, and one
        // before a newline continues the line.
        let bytes = [UInt8](data), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        var index = 0
        while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: " ")) { index += 1 }
        guard index + 1 < bytes.count else { return [] }
        index += 2
        var files: [String] = [], current: [UInt8] = []
        func flush() {
            if !current.isEmpty { files.append(PathText.standardized(String(decoding: current, as: UTF8.self))); current = [] }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == backslash {
                guard index + 1 < bytes.count else { break }
                if bytes[index + 1] == newline { flush() } else { current.append(bytes[index + 1]) }
                index += 2
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == newline || byte == UInt8(ascii: "\r") {
                flush()
            } else {
                current.append(byte)
            }
            index += 1
        }
        flush()
        return files
    }

    private func cache(for plan: Plan) -> NativeResultCache {
        NativeResultCache(directory: ScratchLayout(scratch: scratchPath).native, libclang: plan.libraryIdentity)
    }

    /// Plans and runs the pass.
    public func analyse() throws -> NativeFindings { try analyse(plan()) }

    /// Whether `analyse(plan)` would parse or preprocess some source: one without a stored result.
    public func parsesSources(_ plan: Plan) -> Bool {
        let cache = self.cache(for: plan)
        return plan.keys(cache).contains { key in key.map { !cache.holds($0) } ?? true }
    }

    /// Runs the pass: the cached result of each source whose key is cached, a libclang parse of every other one (each
    /// parse counted on a `parsing C sources` counter of `display`).
    public func analyse(_ plan: Plan, display: ProgressDisplay? = nil) throws -> NativeFindings {
        var findings = NativeFindings()
        findings.unanalyzed = plan.assembly
        findings.cxxInteropModules = plan.cxxInteropModules
        guard !plan.parsed.isEmpty else { return findings }
        let cache = self.cache(for: plan)
        let parsed = plan.parsed, keys = plan.keys(cache)
        // libclang (a large library) is loaded only when something is not cached.
        var loaded: LibClangAPI?
        func api() throws -> LibClangAPI {
            if let loaded { return loaded }
            let api = try LibClangAPI(library: try NativeLibrary(path: plan.libraryPath))
            loaded = api
            return api
        }

        try readSyscallTable(platform: plan.syscallPlatform, key: plan.syscallKey, cache: cache, api: api, into: &findings)

        var (entries, groups) = Self.loadCached(keys, from: cache)
        let missing = entries.indices.filter { entries[$0] == nil }
        if !missing.isEmpty {
            let analysed = try analyseMissing(missing.map { parsed[$0].command }, keys: missing.map { keys[$0] }, plan: plan,
                                              cache: cache, api: api, display: display, findings: &findings)
            for (number, entry) in analysed.entries.enumerated() { entries[missing[number]] = entry }
            groups.merge(analysed.groups) { old, _ in old }
            // libclang's translation units are freed by now, but the C allocator keeps their pages in each worker
            // thread's arena, where the stages after this one do not reuse them: give them back (a cold run on
            // vapor's graph peaked about 30 MB higher without this).
            ProcessMemory.returnFreePages()
            if loaded != nil { ProcessMemory.pageOut(library: plan.libraryPath) }
        }

        var merged = Set<String>()
        for ((command, target), entry) in zip(parsed, entries.map { $0! }) {
            if let error = entry.errors.first {
                let isHeaders = plan.publicHeaderUnits.contains(command.source)
                let what = isHeaders ? "the public headers of target \(target.name) (\(command.source))" : "C source \(command.source) of target \(target.name)"
                findings.unanalyzed.append(Unanalyzed(
                    package: package(of: target)?.identity ?? packageGraph.root.identity,
                    reason: "\(what) has parse errors, so code after them may be missed: \(error)",
                    kind: .cParseErrors, target: target.name, file: command.source))
            }
            // A header's group is shared by every source that saw the same definitions in it: merge it once.
            for name in entry.groups where merged.insert(name).inserted {
                for definition in groups[name] ?? [] { add(definition, to: &findings) }
            }
        }
        return findings
    }

    /// The sources without a cached result: the prefilter (`ParsePrefilter`) decides which libclang parses, the
    /// parses run on every core (each stored as soon as it is done, so the raw results of hundreds of sources never
    /// pile up), and each skipped source is stored as the groups of the parses that covered its headers.
    private func analyseMissing(_ commands: [ClangCompileCommand], keys: [String?], plan: Plan, cache: NativeResultCache,
                                api: () throws -> LibClangAPI, display: ProgressDisplay?,
                                findings: inout NativeFindings) throws -> (entries: [NativeResultCache.Entry], groups: NativeResultCache.Groups) {
        // References are the index records' (they hold every call and reference): libclang's are kept only for a
        // source compiled without an index unit.
        let keepReferences = commands.map { unitFiles[$0.source] == nil }
        var decisions = commands.map { _ in ParsePrefilter.Decision.parse(reason: "no prefilter") }
        var scans: [ParsePrefilter.Scan?] = commands.map { _ in nil }
        let started = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            findings.parseSeconds = seconds - findings.prefilterSeconds
        }
        let folders = PackageFolders(packageGraph)
        let usedPrefilter = usesPrefilter ? ParsePrefilter(libclang: plan.libraryPath)?.reading(folders) : nil
        // The index's C-family units, made once when first asked for (by the record prefilter, or a covering parse's cut).
        let madeRecords = Locked<CUnitRecords??>(nil), makeRecords = unitRecords
        let records: @Sendable () -> CUnitRecords? = {
            madeRecords.withLock { made in
                if made == nil { made = .some(makeRecords?()) }
                return made!
            }
        }
        if let prefilter = usedPrefilter {
            (scans, decisions, findings.sourcesClearedByRecords) = prefilterDecisions(commands, prefilter: prefilter, folders: folders,
                                                                                      records: records, display: display)
            findings.prefilterSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        } else if let prefilter = (ParsePrefilter(libclang: plan.libraryPath) ?? ParsePrefilter.onPath())?.reading(folders) {
            // Every source is parsed, but `#pragma` bindings show only in preprocessed text: preprocess the sources whose
            // own text or headers could hold one, so that the report is the same with the prefilter or without it (and
            // with a libclang that has no clang beside it, with the clang on the PATH).
            scans = concurrentMap(commands.count) { number -> ParsePrefilter.Scan? in
                guard mayBindByPragma(commands[number]) else { return nil }
                let scan = prefilter.scan(commands[number])
                return ParsePrefilter.Scan(triggers: scan.triggers, mustParse: scan.mustParse ?? "no prefilter")  // keeps every file
            }
        }

        var entries = [NativeResultCache.Entry?](repeating: nil, count: commands.count)
        var groups: NativeResultCache.Groups = [:]
        /// The group holding each covered header's findings (`path|digest` → group name; nil: none there).
        var coverage: [String: String?] = [:]
        var pending = decisions.indices.filter { if case .parse = decisions[$0] { return true } else { return false } }
        let cutSources = Locked<[String]>([])
        defer { findings.sourcesParsedToACut = cutSources.withLock { $0 }.sorted() }
        while !pending.isEmpty {
            let stored = ConcurrentSlots<(NativeResultCache.Entry, [String: String])>(count: pending.count)
            let parsedGroups = Locked<NativeResultCache.Groups>([:])
            let progress = display?.counter("parsing C sources", total: pending.count) ?? .silent
            let batch = pending, scansNow = scans
            let cuts = batch.map { source in cutsCoveringParses ? scansNow[source].flatMap { Self.cut(commands[source], scan: $0) } : nil }
            Self.scanAll(batch.map { commands[$0] }, sizes: batch.indices.map { cuts[$0]?.offset ?? scansNow[batch[$0]]?.triggers?.preprocessedBytes ?? 0 },
                         keepReferences: batch.map { keepReferences[$0] },
                         bindings: batch.map { scansNow[$0]?.triggers?.pragmaBindings ?? [] }, cuts: cuts,
                         records: records, folders: folders, api: try api()) { number, result in
                let source = batch[number]
                let kept = scansNow[source].flatMap(Self.keptFiles)
                if result.stoppedAtCut { cutSources.withLock { $0.append(commands[source].source) } }
                let (entry, scanned, files) = cache.store(result, keepingFiles: kept, key: keys[source])
                stored.set(number, (entry, files))
                parsedGroups.withLock { $0.merge(scanned) { old, _ in old } }
                progress.advance(commands[source].source)
            }
            progress.finish()
            groups.merge(parsedGroups.withLock { $0 }) { old, _ in old }
            for (number, slot) in stored.values.enumerated() {
                let source = batch[number], (entry, files) = slot!
                entries[source] = entry
                // A parse with errors stands in for no other source.
                guard entry.errors.isEmpty, let triggers = scans[source]?.triggers else { continue }
                for (path, key) in triggers.triggered where coverage[key] == nil { coverage[key] = .some(files[path]) }
            }
            // A skipped source whose headers no successful parse covered is parsed in the next round (preprocessed first,
            // for its `#pragma` bindings, when the records had spared it that).
            pending = decisions.indices.filter { source in
                guard entries[source] == nil, case let .skip(headers) = decisions[source] else { return false }
                if headers.allSatisfy({ coverage[$0] != nil }) { return false }
                decisions[source] = .parse(reason: "its covering parse failed")
                return true
            }
            if let prefilter = usedPrefilter {
                let unscanned = pending.filter { scans[$0] == nil }
                let made = concurrentMap(unscanned.count) { prefilter.scan(commands[unscanned[$0]]) }
                for (source, scan) in zip(unscanned, made) { scans[source] = scan }
            }
        }
        for source in decisions.indices where entries[source] == nil {
            guard case let .skip(headers) = decisions[source] else { continue }
            let entry = NativeResultCache.Entry(errors: [], groups: Array(Set(headers.compactMap { coverage[$0]! })).sorted())
            cache.storeEntry(entry, key: keys[source])
            entries[source] = entry
        }
        let parsedCount = decisions.filter { if case .parse = $0 { return true } else { return false } }.count
        findings.sourcesParsed += parsedCount
        findings.sourcesSkipped += decisions.count - parsedCount
        return (entries.map { $0! }, groups)
    }

    /// The prefilter's decision for every source, with the scans it made and how many sources the records cleared
    /// without preprocessing. The records (`RecordPrefilter`) clear a source whose own lines hold no trigger and each
    /// of whose headers with triggers expands as in some other source; the other sources, and one source per such
    /// header (its representative), are preprocessed (`ParsePrefilter.scan`). A cleared source takes each header's
    /// `path|digest` key from its representative's scan, and is preprocessed after all when the header there needs
    /// the including source's own parse (`ownParseReason`), or the representative did not see it.
    private func prefilterDecisions(_ commands: [ClangCompileCommand], prefilter: ParsePrefilter, folders: PackageFolders,
                                    records: () -> CUnitRecords?, display: ProgressDisplay?) -> ([ParsePrefilter.Scan?], [ParsePrefilter.Decision], Int) {
        let verdicts = recordVerdicts(commands, prefilter: prefilter, folders: folders, records: records)
        // The record prefilter's tables (every header's text) are freed by now: give their pages back before `clang -E`
        // runs beside them (the cold run's peak).
        ProcessMemory.returnFreePages()
        let (preprocessed, representative) = Self.representatives(verdicts)
        var scans = [ParsePrefilter.Scan?](repeating: nil, count: commands.count)
        let progress = display?.counter("preprocessing C sources", total: commands.count) ?? .silent
        func scan(_ numbers: [Int]) {
            let made = concurrentMap(numbers.count) { index in
                defer { progress.advance(commands[numbers[index]].source) }
                return prefilter.scan(commands[numbers[index]])
            }
            for (number, made) in zip(numbers, made) { scans[number] = made }
        }
        scan(preprocessed.sorted())
        var keys: [Int: [String]] = [:], late: [Int] = []
        for (number, verdict) in verdicts.enumerated() where !preprocessed.contains(number) {
            guard case .cleared(let headers) = verdict else { continue }
            var found: [String]? = []
            for header in headers {
                guard let triggers = representative[header.identity].flatMap({ scans[$0]?.triggers }),
                      triggers.seenHeaders.contains(header.path) else { found = nil; break }
                guard let seen = triggers.headers[header.path], !seen.triggers.isEmpty else { continue }
                // Entered inside any block, even a namespace: the representative's lines of it are named otherwise.
                if seen.insideBlocks || PreprocessedTriggers.ownParseReason(of: seen, at: header.path) != nil { found = nil; break }
                found?.append(header.path + "|" + seen.digest)
            }
            if let found { keys[number] = found } else { late.append(number) }
        }
        scan(late)
        progress.finish()
        let order = scans.indices.filter { scans[$0] != nil }
        var decisions = commands.map { _ in ParsePrefilter.Decision.parse(reason: "no prefilter") }
        for (number, decision) in zip(order, ParsePrefilter.decide(order.map { scans[$0]! })) { decisions[number] = decision }
        for (number, headers) in keys { decisions[number] = .skip(headers: Array(Set(headers)).sorted()) }
        for (command, decision) in zip(commands, decisions) { debug("decision \(command.source): \(decision)") }
        return (scans, decisions, keys.count)
    }

    /// The sources to preprocess for the record verdicts, and the one whose preprocessing stands for each header
    /// identity: a source preprocessed anyway represents the identities of its headers first, and a cleared source is
    /// preprocessed only for an identity none of those has (the first cleared source that has it).
    package static func representatives(_ verdicts: [RecordPrefilter.Verdict]) -> (preprocessed: Set<Int>, representative: [String: Int]) {
        var preprocessed = Set<Int>(), representative: [String: Int] = [:]
        for (number, verdict) in verdicts.enumerated() {
            switch verdict {
            case .cleared: continue
            case .preprocess: preprocessed.insert(number)
            case .preprocessOwnLines(_, let headers):
                preprocessed.insert(number)
                for header in headers where representative[header.identity] == nil { representative[header.identity] = number }
            }
        }
        for (number, verdict) in verdicts.enumerated() {
            guard case .cleared(let headers) = verdict else { continue }
            for header in headers where representative[header.identity] == nil {
                representative[header.identity] = number
                preprocessed.insert(number)
            }
        }
        return (preprocessed, representative)
    }

    /// With `CAPCHECK_DEBUG_RECORDS` set, what the prefilters decided and how each parse went, on standard error.
    private static let debugging = ProcessInfo.processInfo.environment["CAPCHECK_DEBUG_RECORDS"] != nil

    private func debug(_ line: @autoclosure () -> String) { Self.debug(line()) }

    private static func debug(_ line: @autoclosure () -> String) {
        if debugging { FileHandle.standardError.write(Data((line() + "\n").utf8)) }
    }

    /// What the index records say of each source (`RecordPrefilter`); every source is preprocessed without records, or
    /// with `CAPCHECK_RECORD_PREFILTER=0`. `CAPCHECK_DEBUG_RECORDS` prints each verdict on standard error.
    private func recordVerdicts(_ commands: [ClangCompileCommand], prefilter: ParsePrefilter, folders: PackageFolders,
                                records unitRecords: () -> CUnitRecords?) -> [RecordPrefilter.Verdict] {
        guard ProcessInfo.processInfo.environment["CAPCHECK_RECORD_PREFILTER"] != "0", let table = unitRecords() else {
            return commands.map { _ in .preprocess(reason: "no index records") }
        }
        let records = RecordPrefilter(records: table, folders: folders, clang: prefilter.clang)
        let verdicts = concurrentMap(commands.count) { records.verdict(for: commands[$0]) }
        for (command, verdict) in zip(commands, verdicts) { debug("\(command.source): \(verdict)") }
        return verdicts
    }

    /// Whether a source or a non-system file its index unit lists spells `_Pragma` or `pragma weak`/`redefine_extname`.
    private func mayBindByPragma(_ command: ClangCompileCommand) -> Bool {
        let files = [command.source] + (unitFiles[command.source] ?? []).filter { !$0.isSystem }.map(\.path)
        return files.contains { file in
            guard let data = FileManager.default.contents(atPath: file) else { return true }
            let text = String(decoding: data, as: UTF8.self)
            return text.contains("_Pragma") || text.range(of: #"pragma\s+(weak|redefine_extname)"#, options: .regularExpression) != nil
        }
    }

    /// The files whose findings a parse keeps: every file for a source that had to be parsed itself; only the headers
    /// with triggers for one parsed to cover them (the rest of it has nothing libclang alone sees, and keeping it
    /// would make the findings depend on which source happened to cover). nil: every file.
    private static func keptFiles(of scan: ParsePrefilter.Scan) -> Set<String>? {
        guard scan.mustParse == nil, let triggers = scan.triggers else { return nil }
        return Set(triggers.triggered.map(\.path))
    }

    /// Where a covering parse of the source can stop (`CoveringParseCut`); nil for a source parsed for itself.
    private static func cut(_ command: ClangCompileCommand, scan: ParsePrefilter.Scan) -> CoveringParseCut? {
        guard let kept = keptFiles(of: scan), let triggers = scan.triggers else { return nil }
        return CoveringParseCut(source: command.source, triggers: triggers, kept: kept)
    }

    /// The platform's system-call numbers: cached, else evaluated with libclang; an `unanalyzed` entry when the
    /// headers give none.
    private func readSyscallTable(platform: [String], key: String, cache: NativeResultCache, api: () throws -> LibClangAPI,
                                  into findings: inout NativeFindings) throws {
        var probeErrors: [String] = []
        if let cached = cache.loadSyscalls(key) {
            findings.syscalls = cached
        } else {
            let api = try api()
            (findings.syscalls, probeErrors) = try Self.withIndex(api) { index in
                try SyscallTable.evaluate(api: api, index: index, names: try SinkCatalog.reviewedSystemCalls(), arguments: platform)
            }
            if !findings.syscalls.entries.isEmpty { cache.storeSyscalls(findings.syscalls, key: key) }
        }
        if findings.syscalls.entries.isEmpty {
            findings.unanalyzed.append(Unanalyzed(package: packageGraph.root.identity, reason: """
                raw syscall(...) numbers could not be read from <sys/syscall.h> (\(probeErrors.first ?? "no SYS_ macros")); \
                every constant-number syscall(...) is unclassified
                """, kind: .systemCallNumbers))
        }
    }

    /// The cached entries of the sources with a key, and every group they refer to, read on both cores. A source
    /// whose entry or one of whose groups cannot be read has no entry (it is parsed again).
    private static func loadCached(_ keys: [String?], from cache: NativeResultCache) -> ([NativeResultCache.Entry?], NativeResultCache.Groups) {
        var entries = keys.map { $0.flatMap(cache.load) }
        var names: [String] = []
        var seen = Set<String>()
        for entry in entries.compactMap({ $0 }) { for name in entry.groups where seen.insert(name).inserted { names.append(name) } }
        let read = concurrentMap(names.count) { [names] in cache.loadGroup(names[$0]) }
        var groups: NativeResultCache.Groups = [:]
        for (name, definitions) in zip(names, read) { if let definitions { groups[name] = definitions } }
        for index in entries.indices where entries[index]?.groups.contains(where: { groups[$0] == nil }) == true { entries[index] = nil }
        return (entries, groups)
    }

    /// Adds one definition under its owning package, merging what other sources saw of it.
    private func add(_ definition: NativeDefinition, to findings: inout NativeFindings) {
        guard let owner = owner(of: definition.location.file) else { return }
        let key = owner.package + "|" + definition.usr
        if findings.definitions[key] == nil {
            let isTest = ownership.isTest(package: owner.package, module: owner.module)
            findings.definitions[key] = OwnedNativeDefinition(package: owner.package, module: owner.module,
                                                              isTest: isTest, definition: definition)
        } else {
            findings.definitions[key]!.definition.merge(definition)
        }
    }

    /// The C-family sources and their targets: from the build manifest when SwiftPM wrote one (every clang
    /// command it planned, which includes dependencies' executables the build did not compile), else every source
    /// of every C-family target.
    package func compileCommands() -> [(ClangCompileCommand, Target)] {
        compileCommands(manifest: BuildManifestCommands.read(scratch: scratchPath, configuration: configuration))
    }

    private func compileCommands(manifest: BuildManifestCommands?) -> [(ClangCompileCommand, Target)] {
        let commands: [ClangCompileCommand]
        if let manifest {
            commands = manifest.commands
        } else {
            commands = packageGraph.packages.flatMap(\.targets).filter { $0.kind == .clang }
                .flatMap(ClangCompileCommands.sources(of:))
                .map { ClangCompileCommands.fromLayout(source: $0, graph: packageGraph, configuration: configuration) }
        }
        return commands.compactMap { command in
            guard let target = target(of: command.source), target.kind == .clang, includeTests || !target.isTest else { return nil }
            return (command, target)
        }
    }

    /// Parses every source, spreading the work over the cores (one libclang index per worker), and hands each
    /// result to `body` on the worker that made it, with the source's number. `ParseQueue` decides, from the size of
    /// each source's preprocessed text, which a free worker takes next.
    /// A source with a cut is parsed to it first, and whole when the cut parse cannot stand for the whole one.
    private static func scanAll(_ commands: [ClangCompileCommand], sizes: [Int], keepReferences: [Bool],
                                bindings: [[PreprocessedTriggers.PragmaBinding]], cuts: [CoveringParseCut?],
                                records: @Sendable () -> CUnitRecords?, folders: PackageFolders, api: LibClangAPI,
                                _ body: @Sendable (Int, NativeSourceScanner.Result) -> Void) {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, commands.count))
        let queue = ParseQueue(sizes: sizes)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            withIndex(api) { index in
                let scanner = NativeSourceScanner(api: api)
                while let number = queue.take() {
                    let started = DispatchTime.now().uptimeNanoseconds, command = commands[number]
                    func scan(cut: CoveringParseCut?) -> NativeSourceScanner.Result {
                        scanner.scan(command, index: index, keepReferences: keepReferences[number], bindings: bindings[number],
                                     folders: folders, cut: cut)
                    }
                    var result: NativeSourceScanner.Result
                    if let cut = cuts[number] {
                        result = scan(cut: cut)
                        result.stoppedAtCut = result.errors.isEmpty && result.cutDependence.map {
                            cut.stands($0, functions: { records()?.functions(ofUnitFor: command.source) })
                        } == true
                        debug("cut \(command.source) at line \(cut.line): \(result.stoppedAtCut ? "stands" : "parsed whole") (errors "
                              + "\(result.errors.count), depends on \(result.cutDependence.map { "\($0.names.sorted()) \($0.declarations.sorted())" } ?? "unknown"))")
                        if !result.stoppedAtCut { result = scan(cut: nil) }
                    } else {
                        result = scan(cut: nil)
                    }
                    debug("parsed \(command.source) in \(String(format: "%.3f", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)) s")
                    body(number, result)
                    queue.done(number)
                }
            }
        }
    }

    private static func withIndex<T>(_ api: LibClangAPI, _ body: (UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        let index = api.createIndex(0, 0)!
        defer { api.disposeIndex(index) }
        return try body(index)
    }

    /// The flags that select the platform (`-target`, sysroots), for evaluating system headers.
    package static func platformArguments(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if ["-target", "--sysroot", "-isysroot"].contains(argument), index + 1 < arguments.count {
                result += [argument, arguments[index + 1]]
                index += 2
                continue
            }
            if argument.hasPrefix("--target=") || argument.hasPrefix("--sysroot=") { result.append(argument) }
            index += 1
        }
        return result
    }

    /// The package that declares `target`.
    private func package(of target: Target) -> Package? { packageGraph.packages.first { $0.targets.contains(target) } }

    private func owner(of file: String) -> SourceOwnership.Owner? { ownership.owner(of: file, unitModule: "") }

    private func target(of file: String) -> Target? {
        guard let owner = owner(of: file) else { return nil }
        return packageGraph.package(owner.package)?.targets.first { $0.moduleName == owner.module }
    }
}
