import CapCheckSupport

/// Where the root package and each dependency lie, so that human formats can show a file relative to the root
/// package, or inside a dependency as `<identity>/<path inside the package>`. Not part of any JSON output.
public struct PackageFolders: Sendable, Hashable {
    /// The root package's folder.
    public var root: String?
    /// Dependency identity → its folder.
    public var dependencies: [String: String]

    public init(root: String? = nil, dependencies: [String: String] = [:]) {
        self.root = root
        self.dependencies = dependencies
    }

    /// The folders of `graph`'s packages.
    public init(graph: PackageGraph) {
        self.init(root: graph.root.path, dependencies: Dictionary(
            graph.packages.filter { $0.identity != graph.root.identity }.map { ($0.identity, $0.path) },
            uniquingKeysWith: { first, _ in first }))
    }
}
