import Foundation

/// Everything the merged call graph depends on, hashed into the key of `AnalysisSnapshot`: the capcheck build and
/// its catalog, the package graph, the records each unit lists (a record's name changes with its content), the
/// libclang pass's plan (its per-source keys cover each C-family source and header by content), and the content of
/// every Swift source the scan reads (inactive `#if` code is in no record). Touching a file changes none of these;
/// editing one changes its record's name or its content hash.
struct AnalysisInputs {
    var packageGraph: PackageGraph
    var includeTests: Bool
    var units: [IndexUnit]
    var nativePlan: NativeCodeAnalyzer.Plan
    var swiftSources: SwiftSourceScanner.Inputs
    var catalog: SinkCatalog

    /// The key; nil when some input cannot be named (a C source compiled without an index unit), and then nothing
    /// is cached. Swift sources' content hashes are remembered in `memo` between runs.
    func key(memo: URL?) -> String? {
        guard let native = nativePlan.digest else { return nil }
        var hasher = SHA256()
        for field in [CapCheckBuild.identity, catalog.resourceDigest, includeTests ? "tests" : "no tests", native,
                      swiftSources.settings] {
            hasher.update(field: field)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        hasher.update((try? encoder.encode(packageGraph.packages)) ?? Data())
        hasher.update((try? encoder.encode(packageGraph.dependencies)) ?? Data())
        for unit in units {
            hasher.update(field: unit.moduleName)
            hasher.update(field: unit.mainFile)
            for record in unit.records {
                hasher.update(field: record.name)
                hasher.update(field: record.filePath)
            }
        }
        let contents = ContentHashes.of(swiftSources.files.map(\.file), memo: memo)
        for (package, file) in swiftSources.files {
            for field in [package, file, contents[file]!] { hasher.update(field: field) }
        }
        return hasher.hexDigest()
    }
}
