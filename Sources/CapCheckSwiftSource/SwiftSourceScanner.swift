import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import Foundation
import SwiftParser
import SwiftSyntax

/// Parses every Swift source of every target the build compiled once (test targets only with `includeTests`) and
/// runs the source rules over it: escape hatches, syntax-level unsafety, and sink references in `#if` branches the build does not
/// compile. Files are parsed in parallel.
package struct SwiftSourceScanner {
    package let packageGraph: PackageGraph
    package let includeTests: Bool
    /// The catalog's sinks as source spells them (set before `scan`; `inputs` does not need them).
    package var names: SourceSinkNames
    /// Modules `canImport` finds besides the graph's own (the toolchain's).
    package let toolchainModules: Set<String>
    package let compilerVersion: [Int]
    /// Per file, the lines on which the index has an occurrence (the build compiled them).
    package var indexedLines: [String: Set<Int>]
    /// The modules the build compiled (the index's units): the sources of other targets are not part of the program.
    package let builtModules: Set<String>
    /// The Swift files the index's units were compiled from, with their module: a build-tool plugin's generated
    /// sources are compiled into a target though no target folder holds them.
    package var unitSources: [(module: String, file: String)] = []
    /// Results of earlier scans, per file.
    package var cache = SourceScanCache(scratch: nil)
    /// The configuration built: which of `DEBUG`'s branches is compiled.
    package var configuration: BuildConfiguration = .debug

    package init(packageGraph: PackageGraph, includeTests: Bool, names: SourceSinkNames, toolchainModules: Set<String>,
                 compilerVersion: [Int], indexedLines: [String: Set<Int>], builtModules: Set<String>) {
        self.packageGraph = packageGraph
        self.includeTests = includeTests
        self.names = names
        self.toolchainModules = toolchainModules
        self.compilerVersion = compilerVersion
        self.indexedLines = indexedLines
        self.builtModules = builtModules
    }

    /// Text without any of these, an attribute `EscapeHatchRule` reads or the word `unsafe` cannot hold a finding, and
    /// is not parsed.
    package static let triggers = ["#if", "dlopen", "dlsym", "_typeByName", "_typeByMangledName",
                           "NSClassFromString", "Builtin"].map { Data($0.utf8) }

    /// Whether the text could hold a finding: a trigger, an attribute the scan reads (however it is spelt after the
    /// `@`: `@ _cdecl`, `@/* */_cdecl`, `` @`c` ``), or `unsafe` as a whole word (`unowned(unsafe)`, `unsafe x`, not
    /// `unsafeBitCast`, which the index sees).
    package static func mayHoldFindings(_ data: Data) -> Bool {
        if triggers.contains(where: { data.range(of: $0) != nil }) { return true }
        if namesAttribute(in: data, EscapeHatchRule.attributeNames) { return true }
        let word = Data("unsafe".utf8)
        var start = data.startIndex
        while let range = data.range(of: word, in: start..<data.endIndex) {
            let before = range.lowerBound > data.startIndex ? data[range.lowerBound - 1] : 0x20
            let after = range.upperBound < data.endIndex ? data[range.upperBound] : 0x20
            if !SourceText.isSwiftIdentifierByte(before), !SourceText.isSwiftIdentifierByte(after) { return true }
            start = range.upperBound
        }
        return false
    }

    /// Whether an `@` in the text is followed, after any whitespace, comments and a backtick, by one of `names`.
    static func namesAttribute(in data: Data, _ names: Set<String>) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            let count = bytes.count
            var index = 0
            while index < count {
                defer { index += 1 }
                guard bytes[index] == UInt8(ascii: "@") else { continue }
                var next = index + 1
                skipping: while next < count {
                    switch bytes[next] {
                    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): next += 1
                    case UInt8(ascii: "/") where next + 1 < count && bytes[next + 1] == UInt8(ascii: "/"):
                        while next < count, bytes[next] != UInt8(ascii: "\n") { next += 1 }
                    case UInt8(ascii: "/") where next + 1 < count && bytes[next + 1] == UInt8(ascii: "*"):
                        var depth = 0  // Swift's block comments nest
                        while next + 1 < count {
                            if bytes[next] == UInt8(ascii: "/"), bytes[next + 1] == UInt8(ascii: "*") { depth += 1; next += 2; continue }
                            if bytes[next] == UInt8(ascii: "*"), bytes[next + 1] == UInt8(ascii: "/") {
                                depth -= 1; next += 2
                                if depth == 0 { break }
                                continue
                            }
                            next += 1
                        }
                    default: break skipping
                    }
                }
                if next < count, bytes[next] == UInt8(ascii: "`") { next += 1 }
                let start = next
                while next < count, SourceText.isSwiftIdentifierByte(bytes[next]) { next += 1 }
                if next > start, names.contains(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<next]), as: UTF8.self)) { return true }
            }
            return false
        }
    }

    /// What the scan reads besides the index: the files, the modules `canImport` finds and the compiler version.
    package struct Inputs {
        package var files: [(package: String, file: String)]
        package var importable: Set<String>
        /// A hash of the settings every file's result depends on.
        package var settings: String
        /// Per file, the SHA-256 of its content when the caller has it (the analysis key's): the cache is then keyed by
        /// content, so a fresh clone with a restored cache scans nothing again.
        package var contentHashes: [String: String] = [:]

        package init(files: [(package: String, file: String)], importable: Set<String>, settings: String) {
            self.files = files
            self.importable = importable
            self.settings = settings
        }
    }

    package func inputs() -> Inputs {
        let importable = toolchainModules.union(graphModules())
        let settings = SourceScanCache.stableHash(importable.sorted().joined(separator: ",") + "|" + compilerVersion.map(String.init).joined(separator: ".")
            + (configuration == .debug ? "" : "|" + configuration.rawValue))
        return Inputs(files: sourceFiles(), importable: importable, settings: settings)
    }

    package func scan() -> SwiftSourceFindings { scan(inputs()) }

    package func scan(_ inputs: Inputs, progress: ProgressCounter = .silent) -> SwiftSourceFindings {
        let (files, importable, settings) = (inputs.files, inputs.importable, inputs.settings)
        defer { progress.finish() }
        let results = concurrentMap(files.count) { index -> (findings: [SwiftSourceFinding], inactiveLines: Int, error: Unanalyzed?) in
            let (package, file) = files[index]
            defer { progress.advance(file) }
            let key = SourceScanCache.key(path: file, content: inputs.contentHashes[file], indexedLines: indexedLines[file] ?? [], settings: settings)
            if let key, let cached = cache.lookup(file, key: key) { return (cached.findings, cached.inactiveLines, nil) }
            let scanned = scan(file: file, package: package, importable: importable)
            if let key, scanned.error == nil {
                cache.store(file, SourceScanCache.Entry(key: key, findings: scanned.findings, inactiveLines: scanned.inactiveLines))
            }
            return scanned
        }
        cache.save()
        var findings = SwiftSourceFindings()
        for (index, scanned) in results.enumerated() {
            findings.findings += scanned.findings
            findings.inactiveLines[files[index].package, default: 0] += scanned.inactiveLines
            if let error = scanned.error { findings.unreadable.append(error) }
        }
        return findings
    }

    /// Scans one file: parse once, walk once with every rule.
    package func scan(source: String, file: String, package: String, importable: Set<String>)
        -> (findings: [SwiftSourceFinding], inactiveLines: Int, error: Unanalyzed?) {
        let tree = Parser.parse(source: source)
        let context = SourceContext(package: package, file: file, converter: SourceLocationConverter(fileName: file, tree: tree))
        var evaluator = IfConfigEvaluator(importableModules: importable, compilerVersion: compilerVersion,
                                          indexedLines: indexedLines[file] ?? [])
        evaluator.flags = configuration.conditions
        let rules: [any SourceRule] = [EscapeHatchRule(cSymbols: names.variables.merging(names.functions) { _, function in function }), UnsafeSyntaxRule(), SinkReferenceRule(names: names)]
        let walker = MultiplexingSourceWalker(rules: rules, context: context, conditions: evaluator)
        walker.walk(tree)
        return (context.findings, walker.inactiveLines, nil)
    }

    private func scan(file: String, package: String, importable: Set<String>) -> (findings: [SwiftSourceFinding], inactiveLines: Int, error: Unanalyzed?) {
        guard let data = FileManager.default.contents(atPath: file) else {
            return ([], 0, Unanalyzed(package: package, reason: "\(file): Swift source that could not be read; not scanned for escape hatches",
                                     kind: .unreadableSource, file: file))
        }
        guard Self.mayHoldFindings(data) else { return ([], 0, nil) }
        return scan(source: String(decoding: data, as: UTF8.self), file: file, package: package, importable: importable)
    }

    /// Every Swift source SwiftPM compiles for the graph's Swift targets, by package: the targets' own, and those the
    /// index's units name outside them (`unitSources`: files a build-tool plugin generated).
    private func sourceFiles() -> [(package: String, file: String)] {
        var files: [(package: String, file: String)] = []
        var byModule: [String: String] = [:]
        for package in packageGraph.packages {
            for target in package.targets where target.kind == .swift && (includeTests || !target.isTest)
                && builtModules.contains(target.moduleName) {
                let sources = target.sources.isEmpty ? Self.swiftFiles(under: URL(fileURLWithPath: target.path))
                    : target.sources.filter { $0.hasSuffix(".swift") }
                files += sources.map { (package.identity, PathText.standardized($0, in: target.path)) }
                byModule[target.moduleName] = package.identity
            }
        }
        var listed = Set(files.map(\.file))
        let ownership = SourceOwnership(graph: packageGraph)  // a file a build-tool plugin generated is its package's
        for (module, file) in unitSources.sorted(by: { ($0.module, $0.file) < ($1.module, $1.file) }) {
            let path = PathText.standardized(file)
            guard path.hasSuffix(".swift"), let package = ownership.generatedCodePackage(of: path, unitModule: module) ?? byModule[module]
                    ?? aliased(path, module: module, ownership), listed.insert(path).inserted else { continue }
            files.append((package, path))
        }
        return files
    }

    /// The package of a file compiled under a module name no target has: a dependency's `moduleAliases` renames the
    /// module of a product it uses (`EvilCore` built as `Hidden`), so `describe`'s name is not the built one, and the
    /// file is its target's (found by the eleventh sweep: an aliased module's `@_silgen_name`,
    /// `@_cdecl` and init-array code were never scanned). Test targets stay out unless tests are included.
    private func aliased(_ path: String, module: String, _ ownership: SourceOwnership) -> String? {
        guard let owner = ownership.owner(of: path, unitModule: module),
              includeTests || !ownership.isTest(package: owner.package, module: owner.module ?? module) else { return nil }
        return owner.package
    }

    private static func swiftFiles(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String { if path.hasSuffix(".swift") { result.append(path) } }
        return result.sorted()
    }

    private func graphModules() -> Set<String> {
        var modules = Set<String>()
        for package in packageGraph.packages {
            for target in package.targets where target.kind != .plugin && target.kind != .macro {
                modules.insert(target.moduleName)
                modules.formUnion(ModuleMapFile.read(targetFolder: target.path)?.modules ?? [])
            }
        }
        return modules
    }

    /// The modules of a toolchain: its `.swiftmodule`s and the modules its module maps declare.
    package static func toolchainModules(libraryDirectory: URL) -> Set<String> {
        var modules = Set<String>()
        let swiftLibraries = libraryDirectory.appendingPathComponent("swift")
        let enumerator = FileManager.default.enumerator(at: swiftLibraries, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if enumerator!.level > 3 { enumerator!.skipDescendants(); continue }
            let name = url.lastPathComponent
            if name.hasSuffix(".swiftmodule") {
                modules.insert(String(name.dropLast(".swiftmodule".count)))
                enumerator!.skipDescendants()
            } else if name.hasSuffix(".modulemap"), let text = try? String(contentsOf: url, encoding: .utf8) {
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ").filter { $0 != "explicit" && $0 != "framework" }
                    if words.count >= 2, words[0] == "module", words[1] != "*" { modules.insert(String(words[1])) }
                }
            }
        }
        return modules
    }

    /// Per Swift source file, the lines on which the index has an occurrence.
    package static func indexedLines(of records: [IndexRecord]) -> [String: Set<Int>] {
        var lines: [String: Set<Int>] = [:]
        for record in records where record.filePath.hasSuffix(".swift") {
            lines[record.filePath, default: []].formUnion(record.occurrences.map { Int($0.line) })
        }
        return lines
    }

    /// `[6, 3, 1]`: from the `swift-compiler-version` line of the toolchain's own standard library interface
    /// (`usr/lib/swift/<platform>/Swift.swiftmodule/*.swiftinterface`, built by the same compiler), else from
    /// `swift --version` (which costs a process).
    package static func compilerVersion(of toolchain: Toolchain) -> [Int] {
        let platforms = toolchain.libraryDirectory.appendingPathComponent("swift")
        for platform in (try? FileManager.default.contentsOfDirectory(atPath: platforms.path))?.sorted() ?? [] {
            let module = platforms.appendingPathComponent(platform).appendingPathComponent("Swift.swiftmodule")
            let interfaces = ((try? FileManager.default.contentsOfDirectory(atPath: module.path)) ?? [])
                .filter { $0.hasSuffix(".swiftinterface") && !$0.hasSuffix(".private.swiftinterface") }.sorted()
            for interface in interfaces {
                guard let handle = FileHandle(forReadingAtPath: module.appendingPathComponent(interface).path) else { continue }
                defer { try? handle.close() }
                let head = String(decoding: handle.readData(ofLength: 512), as: UTF8.self)
                if let version = versionNumbers(in: head) { return version }
            }
        }
        guard let output = try? ProcessRunner.run(toolchain.swiftExecutable, ["--version"]) else { return [] }
        return versionNumbers(in: output.stdout + output.stderr) ?? []
    }

    /// The numbers of the first `Swift version 6.3.1` in `text`.
    package static func versionNumbers(in text: String) -> [Int]? {
        guard let range = text.range(of: #"Swift version [0-9.]+"#, options: .regularExpression) else { return nil }
        return text[range].dropFirst("Swift version ".count).split(separator: ".").compactMap { Int($0) }
    }
}
