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

/// Refuses an index store that does not describe the sources as they are: a source changed after it was indexed
/// (`--skip-build` after an edit), or a source of a target the build compiled that has no index unit (a file added
/// since the build). A stale store would check code that is no longer there and miss code that is. Units of sources no
/// package of the graph owns (those of a dependency since removed, which the store keeps and no build updates) are not
/// read by the analysis, so they are not held against the store.
package enum StaleIndexCheck {
    /// The units of sources that still exist: the store keeps a deleted file's unit, whose code is gone.
    package static func current(_ units: [IndexUnit]) -> [IndexUnit] {
        units.filter { $0.mainFile.isEmpty || FileManager.default.fileExists(atPath: $0.mainFile) }
    }

    /// - Parameter skippedBuild: whether this run skipped the build (then the remedy is to build).
    package static func verify(units: [IndexUnit], packageGraph: PackageGraph, ownership: SourceOwnership, includeTests: Bool,
                               storePath: String, skippedBuild: Bool) throws {
        let remedy = skippedBuild
            ? "rebuild (run without --skip-build)"
            : "the build did not recompile it; run `swift package clean` in the package (or delete debug.yaml in the scratch folder) and run capcheck again"
        for unit in units where !unit.mainFile.isEmpty && ownership.owner(of: unit.mainFile, unitModule: unit.moduleName) != nil {
            guard let modified = FileStamp.attributes(unit.mainFile)?.modified else { continue }
            if modified > unit.modificationTime + 1 {
                throw CapCheckError(.indexStore, "the index store at \(storePath) is stale: \(unit.mainFile) changed after it was indexed; \(remedy)")
            }
        }
        let indexed = Set(units.map(\.mainFile))
        // The sources a compiler indexes (assembly and other listed files have no unit).
        let indexedKinds: Set<String> = ["swift", "c", "cc", "cpp", "cxx", "c++", "m", "mm"]
        for package in packageGraph.packages {
            for target in package.targets where (target.kind == .swift || target.kind == .clang) && (includeTests || !target.isTest) {
                let sources = target.sources.filter { indexedKinds.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
                    .map { URL(fileURLWithPath: target.path).appendingPathComponent($0).path }
                // Only targets the build compiled: some of their sources have units (one unit per source file).
                guard sources.contains(where: indexed.contains) else { continue }
                if let missing = sources.first(where: { !indexed.contains($0) }) {
                    throw CapCheckError(.indexStore, """
                        the index store at \(storePath) is stale: \(missing) (target \(target.name) of \(package.identity)) \
                        has no index unit, so it was added after the last build; \(remedy)
                        """)
                }
            }
        }
    }
}
