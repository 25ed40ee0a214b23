import CapCheckSupport

/// One distinct way a package reaches a capability from the root's code: a sink, and the shortest path to it.
/// `capcheck explain --format json` prints an array of these.
public struct Explanation: Codable, Sendable, Hashable {
    public var package: String
    public var capability: String
    /// The sink as the catalog names it.
    public var sink: String
    /// From the root's code to the sink, one hop per symbol.
    public var path: [PathHop]
    /// For `fs`, `env`, `exec` and `net`: the values the package's uses of the sink get (nil for other capabilities).
    public var values: [SinkValue]?

    package init(package: String, capability: String, sink: String, path: [PathHop], values: [SinkValue]? = nil) {
        self.package = package
        self.capability = capability
        self.sink = sink
        self.path = path
        self.values = values
    }
}

/// What `capcheck explain` prints: the explanations found for one package, and what was asked.
public struct ExplanationList: Sendable {
    public var package: String
    /// The capability asked about; nil when every capability the package reaches was asked for.
    public var capability: String?
    /// The root package's identity.
    public var root: String
    public var explanations: [Explanation]
    /// Where the packages lie, for showing the paths' files.
    public var folders: PackageFolders

    public init(package: String, capability: String?, root: String, explanations: [Explanation], folders: PackageFolders) {
        self.package = package
        self.capability = capability
        self.root = root
        self.explanations = explanations
        self.folders = folders
    }
}
