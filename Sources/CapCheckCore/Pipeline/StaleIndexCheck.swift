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

    /// Also throws `UnattributedBuiltSource` (after the staleness checks) for a unit the build compiled that no package
    /// owns (`unattributedBuiltUnit`).
    /// - Parameters:
    ///   - skippedBuild: whether this run skipped the build (then the remedy is to build).
    ///   - buildManifest: the build's manifest (`debug.yaml`), which names every source the build compiles.
    package static func verify(units: [IndexUnit], packageGraph: PackageGraph, ownership: SourceOwnership, includeTests: Bool,
                               storePath: String, skippedBuild: Bool, buildManifest: URL) throws {
        let remedy = skippedBuild
            ? "rebuild (run without --skip-build)"
            : "the build did not recompile it; run `swift package clean` in the package (or delete debug.yaml in the scratch folder) and run capcheck again"
        var owned: [(unit: IndexUnit, module: String)] = [], unowned: [IndexUnit] = []
        for unit in units where !unit.mainFile.isEmpty {
            // A C-family unit names no module: the target owning its file does.
            if let owner = ownership.owner(of: unit.mainFile, unitModule: unit.moduleName) {
                owned.append((unit, owner.module ?? unit.moduleName))
            } else {
                unowned.append(unit)
            }
        }
        // Only the modules this run's build compiles are judged: the store keeps the units of an earlier build's test
        // targets and of a product the root no longer uses, which no build of this run rewrites (the twenty-seventh
        // sweep's edit of a test file after `swift test`, and of a test-only dependency's header, stopped every check).
        let linked = packageGraph.linkedModules(includeTests: includeTests)
        let judged = owned.filter { linked.contains($0.module) }.map(\.unit)
        let now = Date().timeIntervalSince1970
        for unit in judged {
            guard let modified = FileStamp.attributes(unit.mainFile)?.modified else { continue }
            if modified > unit.modificationTime + 1 {
                throw stale(unit.mainFile, "", modified: modified, now: now, storePath: storePath, remedy: remedy)
            }
        }
        if let (header, unit) = headerChangedAfterIndexing(judged, packageGraph: packageGraph, scratch: buildManifest.deletingLastPathComponent()) {
            let modified = FileStamp.attributes(header)?.modified ?? now
            throw stale(header, ", which \(unit.mainFile) includes,", modified: modified, now: now, storePath: storePath, remedy: remedy)
        }
        let indexed = Set(units.map(\.mainFile))
        // The sources a compiler indexes (assembly and other listed files have no unit).
        let indexedKinds = CFamilySources.extensions.union(["swift"])
        for package in packageGraph.packages {
            for target in package.targets where (target.kind == .swift || target.kind == .clang) && (includeTests || !target.isTest) {
                let sources = target.sources.filter { indexedKinds.contains(($0 as NSString).pathExtension.lowercased()) }
                    .map { PathText.joined(target.path, $0) }
                // Only targets the build compiled: some of their sources have units (one unit per source file). The
                // root's own targets are always compiled (`swift build` builds them all): one without a unit was added
                // after the last build, or the store is another package's (the twenty-second sweep's, each passing
                // with --skip-build). A dependency's target a condition or a trait leaves out of the build has none.
                guard sources.contains(where: indexed.contains) else {
                    if package.identity == packageGraph.root.identity, let missing = sources.first {
                        throw CapCheckError(.indexStore, """
                            the index store at \(storePath) has no unit for target \(target.name) of the root package \
                            (\(missing)): the target was added after the last build, or the store is another package's; \(remedy)
                            """)
                    }
                    continue
                }
                if let missing = sources.first(where: { !indexed.contains($0) }) {
                    throw CapCheckError(.indexStore, """
                        the index store at \(storePath) is stale: \(missing) (target \(target.name) of \(package.identity)) \
                        has no index unit, so it was added after the last build; \(remedy)
                        """)
                }
            }
        }
        if let unit = unattributedBuiltUnit(unowned, buildManifest: buildManifest) {
            throw UnattributedBuiltSource(file: unit.mainFile, module: unit.moduleName)
        }
    }

    /// The error for `file` changed after it was indexed; for a file dated in the future (clock skew, an archive made on
    /// a machine whose clock was ahead), which every unit a build writes now is older than, the remedy is its date.
    private static func stale(_ file: String, _ context: String, modified: Double, now: Double, storePath: String, remedy: String) -> CapCheckError {
        if modified > now + 2 {
            let date = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: modified))
            return CapCheckError(.indexStore, """
                the index store at \(storePath) cannot be judged current: \(file)\(context) is dated in the future (\(date)), \
                so every build looks older than it; set the machine's clock right or `touch` the file, then rebuild
                """)
        }
        return CapCheckError(.indexStore, "the index store at \(storePath) is stale: \(file)\(context) changed after it was indexed; \(remedy)")
    }

    /// A package's header (or other included file) a C-family unit lists that changed after the unit was written, with
    /// that unit: the unit's records then describe code that is no longer there (a header's macro edited to call
    /// `mkdir`, then `--skip-build`: the twenty-sixth sweep's passed). Files of the build's own (generated module maps,
    /// headers under the scratch folder but for dependencies' checkouts) and the toolchain's are not asked about. Each
    /// file is looked at once, against the oldest unit that lists it.
    static func headerChangedAfterIndexing(_ units: [IndexUnit], packageGraph: PackageGraph, scratch: URL) -> (String, IndexUnit)? {
        let cFamily = CFamilySources.extensions
        // Each listed file once, with the oldest unit that lists it (hundreds of units list the same headers).
        var oldest: [String: (unit: IndexUnit, isSystem: Bool)] = [:]
        for unit in units where cFamily.contains((unit.mainFile as NSString).pathExtension.lowercased()) {
            for file in unit.files where file.path != unit.mainFile {
                if let known = oldest[file.path], known.unit.modificationTime <= unit.modificationTime { continue }
                oldest[file.path] = (unit, file.isSystem)
            }
        }
        let folders = PackageFolders(packageGraph)
        let built = PathText.standardized(scratch.path) + "/"
        let dependencyFolders = ["checkouts/", "registry/", "artifacts/"].map { built + $0 }
        for (path, entry) in oldest.sorted(by: { $0.key < $1.key }) {
            // A system header outside every package's folder as spelt is the toolchain's (checked without resolving its
            // `..`, which looks at every folder on the way: the C++ library's headers are listed by every unit).
            if entry.isSystem, !path.hasPrefix("/proc/"), !folders.roots.contains(where: path.hasPrefix) { continue }
            guard folders.contains(path), !path.hasPrefix(built) || dependencyFolders.contains(where: path.hasPrefix) else { continue }
            if let modified = FileStamp.attributes(path)?.modified, modified > entry.unit.modificationTime + 1 { return (path, entry.unit) }
        }
        return nil
    }

    /// A unit of a source the current build compiled (its build manifest names the file) that no package of the graph
    /// owns: the graph does not describe the build (a cached graph kept under a key that missed what changed it), and
    /// the unit's code would be read by no one. Units of sources the build does not name (a removed dependency's, which
    /// the store keeps) are not such units.
    private static func unattributedBuiltUnit(_ unowned: [IndexUnit], buildManifest: URL) -> IndexUnit? {
        guard !unowned.isEmpty, let manifest = FileManager.default.contents(atPath: buildManifest.path) else { return nil }
        let named = quotedStrings(in: manifest, among: Set(unowned.map(\.mainFile)))
        return unowned.first { named.contains($0.mainFile) }
    }

    /// Which of `wanted` the text holds between two double quotes (`"…/File.swift"`), in one pass over it: the build
    /// manifest is megabytes, and a plugin's scratch folder holds thousands of units of the plugin's own tool that
    /// no package owns (a search of the text per unit took seconds). A string with a quote in it is searched for.
    static func quotedStrings(in text: Data, among wanted: Set<String>) -> Set<String> {
        let quote = UInt8(ascii: "\"")
        var plain: Set<[UInt8]> = [], found = Set<String>()
        for path in wanted {
            if path.utf8.contains(quote) {
                if text.range(of: Data(("\"" + path + "\"").utf8)) != nil { found.insert(path) }
            } else {
                plain.insert(Array(path.utf8))
            }
        }
        let lengths = Set(plain.map(\.count))
        text.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var start: Int?
            for (index, byte) in bytes.enumerated() where byte == quote {
                if let open = start, lengths.contains(index - open - 1) {
                    let segment = Array(bytes[(open + 1)..<index])
                    if plain.contains(segment) { found.insert(String(decoding: segment, as: UTF8.self)) }
                }
                start = index
            }
        }
        return found
    }
}

/// Thrown when the build compiled a source no package of the package graph owns (`StaleIndexCheck.unattributedBuiltUnit`).
package struct UnattributedBuiltSource: Error {
    package let file: String
    package let module: String
}
