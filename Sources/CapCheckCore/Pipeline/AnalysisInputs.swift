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

/// Everything the merged call graph depends on, hashed into the key of `AnalysisSnapshot`: the capcheck build and
/// its catalog, the package graph, the records the graph is built from (a record's name changes with its content),
/// the libclang pass's plan (what each C-family source was compiled from, by content), and the content of every
/// Swift source the scan reads (inactive `#if` code is in no record), of the module maps of system-library and
/// binary targets, and of every manifest. Touching a file changes none of these; editing one changes its record's
/// name or its content hash.
package struct AnalysisInputs {
    package var packageGraph: PackageGraph
    package var includeTests: Bool
    /// The records the graph is built from (`IndexStoreLoader.recordList(of:)`).
    package var records: [IndexStoreLoader.RecordReference]
    /// The modules the build compiled (the units' modules).
    package var builtModules: Set<String>
    package var swiftSources: SwiftSourceScanner.Inputs
    package var catalog: SinkCatalog
    /// The demangler library (path, size, mtime): the catalog's classification of toolchain symbols is kept too.
    package var demangler: String
    /// The index store's folder of records, when at hand: each record's size is part of the key, so a record deleted or
    /// truncated since the last run is read again (and reported), never answered from the kept report (a robustness
    /// sweep's). A record damaged in place at the same size is not noticed here.
    package var recordsFolder: String? = nil

    /// The key: these inputs' `digest` with the libclang pass's (`NativeCodeAnalyzer.Plan.digest`); nil when some
    /// input cannot be named (a C source compiled without an index unit), and then nothing is cached. The two digests
    /// are worked out side by side, on the two cores.
    package static func key(digest: String, native: String?) -> String? {
        guard let native else { return nil }
        var hasher = SHA256()
        for field in [digest, native] { hasher.update(field: field) }
        return hasher.hexDigest()
    }

    /// The SHA-256 of every input but the libclang pass's plan, and the content hash of each Swift source (for the
    /// Swift scan's cache). Content hashes are remembered in `memo` between runs.
    package func digest(memo: URL?) -> (digest: String, swiftContents: [String: String]) {
        var hasher = SHA256()
        // The runtime libraries name the catalog's aliases (`SinkCatalog.addingAliases`) and the names a package's C may
        // replace (`CLibraryInterposition`).
        for field in [CapCheckBuild.identity, catalog.resourceDigest, RuntimeExports.identity, demangler, includeTests ? "tests" : "no tests",
                      swiftSources.settings] {
            hasher.update(field: field)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        hasher.update((try? encoder.encode(packageGraph.packages)) ?? Data())
        hasher.update((try? encoder.encode(packageGraph.dependencies)) ?? Data())
        // The records the graph is built from (what a unit lists beyond them, the files each C-family source was
        // compiled from, is in the libclang plan), and the modules the build compiled (the Swift scan's files).
        for record in records {
            for field in [record.name, record.filePath, record.module] { hasher.update(field: field) }
            if let recordsFolder {
                var info = stat()
                let path = recordsFolder + "/" + record.name.suffix(2) + "/" + record.name
                hasher.update(field: stat(path, &info) == 0 ? String(info.st_size) : "missing")
            }
        }
        for module in builtModules.sorted() { hasher.update(field: module) }
        // The module maps of system-library and binary targets say which modules they provide (the merge reads them).
        let moduleMaps = packageGraph.packages.flatMap(\.targets).filter { $0.kind == .systemLibrary || $0.kind == .binary }
            .flatMap(ModuleMapFile.paths(of:))
        // Manifests place build-time targets' nodes (`ManifestLines`).
        let manifests = packageGraph.packages.map { URL(fileURLWithPath: $0.path).appendingPathComponent("Package.swift").path }
        let contents = ContentHashes.of(swiftSources.files.map(\.file) + moduleMaps + manifests, memo: memo)
        for (package, file) in swiftSources.files {
            for field in [package, file, contents[file]!] { hasher.update(field: field) }
        }
        for file in moduleMaps + manifests { for field in [file, contents[file]!] { hasher.update(field: field) } }
        return (hasher.hexDigest(), contents)
    }
}
