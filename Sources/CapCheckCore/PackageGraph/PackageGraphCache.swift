import Foundation

/// Keeps the resolved package graph under `<scratch>/capcheck/package-graph.json`, so a re-check does not
/// ask SwiftPM again (one `show-dependencies` plus one `describe` per package: seconds on a large graph).
///
/// The cache is valid while its key is unchanged: the root's `Package.resolved`, the resolution mode, and the
/// size and modification time of every manifest (`Package*.swift`) of every package in the cached graph.
/// Adding, removing or re-pinning a dependency changes one of those.
struct PackageGraphCache {
    let packagePath: URL
    let scratchPath: URL
    let onlyResolvedVersions: Bool

    private struct Snapshot: Codable {
        var format = 2
        var key: String
        var root: Package
        var packages: [Package]
        var dependencies: [String: [String]]
    }

    private var file: URL { scratchPath.appendingPathComponent("capcheck/package-graph.json") }

    /// The cached graph, if its key still matches.
    func load() -> PackageGraph? {
        guard let data = FileManager.default.contents(atPath: file.path),
              let snapshot = try? JSONDecoder().decode(Snapshot.self, from: data),
              snapshot.format == 2,
              snapshot.key == key(for: snapshot.packages) else { return nil }
        return PackageGraph(root: snapshot.root, packages: snapshot.packages, dependencies: snapshot.dependencies)
    }

    /// Stores the graph; failures are ignored (the cache is an optimisation only).
    func store(_ graph: PackageGraph) {
        let snapshot = Snapshot(key: key(for: graph.packages), root: graph.root, packages: graph.packages,
                                dependencies: graph.dependencies)
        guard let data = try? JSONEncoder().encode(snapshot) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? TemporaryFiles.shared.write(data, to: file)
    }

    private func key(for packages: [Package]) -> String {
        let files = FileManager.default
        var parts = ["resolved-only=\(onlyResolvedVersions)", "root=\(packagePath.path)"]
        let resolved = packagePath.appendingPathComponent("Package.resolved").path
        parts.append("Package.resolved=" + (files.contents(atPath: resolved).map { String(decoding: $0, as: UTF8.self) } ?? "-"))
        for package in packages {
            let manifests = ((try? files.contentsOfDirectory(atPath: package.path)) ?? [])
                .filter { $0.hasPrefix("Package") && $0.hasSuffix(".swift") }.sorted()
            for manifest in manifests {
                parts.append("\(package.identity)/\(manifest)=" + (FileStamp.of(package.path + "/" + manifest) ?? "missing"))
            }
        }
        return parts.joined(separator: "\n")
    }
}
