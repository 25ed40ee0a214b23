import CapCheckSupport
import CapCheckModel
import Foundation

/// Keeps the resolved package graph under `<scratch>/capcheck/package-graph` (a `CacheFile`), so a re-check does
/// not ask SwiftPM again (one `show-dependencies` plus one `describe` per package: seconds on a large graph).
///
/// The cache is valid while its key is unchanged. The key covers everything `describe` and `show-dependencies`
/// read: the root's `Package.resolved`, the resolution mode, the toolchain (`swift`, by path, size and time), the
/// environment variables manifests and SwiftPM can read (`ManifestEnvironment`), the content of every manifest and module map
/// (`Package*.swift`) of every package in the cached graph, and the names of every file and folder under each
/// target's folder (the source lists: a file added to, removed from or renamed in any target changes the key).
package struct PackageGraphCache {
    package let packagePath: URL
    package let scratchPath: URL
    package let onlyResolvedVersions: Bool
    /// The `swift` that resolves the graph.
    package let swift: URL
    package var environment = ProcessInfo.processInfo.environment

    package init(packagePath: URL, scratchPath: URL, onlyResolvedVersions: Bool, swift: URL) {
        self.packagePath = packagePath
        self.scratchPath = scratchPath
        self.onlyResolvedVersions = onlyResolvedVersions
        self.swift = swift
    }

    private struct Snapshot: Codable {
        package var root: Package
        package var packages: [Package]
        package var dependencies: [String: [String]]
    }

    /// The cache file's format (`CacheFile`).
    package static let format = "package-graph-10"

    private var file: CacheFile { CacheFile(url: ScratchLayout(scratch: scratchPath).packageGraph, format: Self.format) }

    /// The cached graph, if its key still matches.
    package func load() -> PackageGraph? {
        guard let contents = file.read() else { return nil }
        guard let snapshot = try? JSONDecoder().decode(Snapshot.self, from: contents.payload) else {
            file.discardUndecodable()
            return nil
        }
        guard contents.matches(key: key(for: snapshot.packages)) else { return nil }
        return PackageGraph(root: snapshot.root, packages: snapshot.packages, dependencies: snapshot.dependencies)
    }

    /// Stores the graph; failures are ignored (the cache is an optimisation only).
    package func store(_ graph: PackageGraph) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(Snapshot(root: graph.root, packages: graph.packages, dependencies: graph.dependencies)) else { return }
        file.write(data, key: key(for: graph.packages))
    }

    package func key(for packages: [Package]) -> String {
        var hasher = SHA256()
        hasher.update(field: "resolved-only=\(onlyResolvedVersions)")
        hasher.update(field: packagePath.path)
        hasher.update(field: FileStamp.identity(of: swift.path))
        hasher.update(field: FileManager.default.contents(atPath: packagePath.appendingPathComponent("Package.resolved").path)
            .map { CacheFile.digest($0) } ?? "no Package.resolved")
        // Which dependencies are checked out and which edited (`swift package edit`, where their code comes from).
        hasher.update(field: FileManager.default.contents(atPath: scratchPath.appendingPathComponent("workspace-state.json").path)
            .map { CacheFile.digest($0) } ?? "no workspace state")
        var texts: [String] = []
        for package in packages {
            hasher.update(field: package.identity)
            let manifests = ((try? FileManager.default.contentsOfDirectory(atPath: package.path)) ?? [])
                .filter { $0.hasPrefix("Package") && $0.hasSuffix(".swift") }.sorted()
            for manifest in manifests {
                let contents = FileManager.default.contents(atPath: package.path + "/" + manifest)
                hasher.update(field: manifest)
                hasher.update(field: contents.map { CacheFile.digest($0) } ?? "missing")
                texts.append(contents.map { String(decoding: $0, as: UTF8.self) } ?? "")
            }
            for target in package.targets {
                DirectoryListing.update(&hasher, with: target.path)
                // A module map's `link` names become the target's linker flags (`PackageGraphLoader`).
                for path in ModuleMapFile.linkingFiles(of: target) {
                    hasher.update(field: FileManager.default.contents(atPath: path).map { CacheFile.digest($0) } ?? "missing")
                }
            }
        }
        for entry in ManifestEnvironment.relevantEntries(of: environment, manifests: texts) { hasher.update(field: entry) }
        return hasher.hexDigest()
    }
}
