import CapCheckSupport

/// The result of an analysis. Its JSON encoding (`--format json`) is a public contract:
/// field names are stable; new fields may be added, none renamed or removed.
public struct AnalysisReport: Codable, Sendable {
    public var schemaVersion: Int = 1
    /// The root package's identity.
    public var root: String
    public var violations: [Violation]
    public var packages: [PackageSummary]
    public var unanalyzed: [Unanalyzed]
    /// Policy grants that nothing reachable uses (empty for `audit`). `check --strict` fails on them.
    public var unusedGrants: [UnusedGrant] = []
    /// The root package's folder, so that formats can show locations relative to it.
    public var packagePath: String?

    package init(schemaVersion: Int = 1, root: String, violations: [Violation], packages: [PackageSummary], unanalyzed: [Unanalyzed], unusedGrants: [UnusedGrant] = [], packagePath: String? = nil) {
        self.schemaVersion = schemaVersion
        self.root = root
        self.violations = violations
        self.packages = packages
        self.unanalyzed = unanalyzed
        self.unusedGrants = unusedGrants
        self.packagePath = packagePath
    }
}

/// A dependency reaching a sink its effective grant lacks.
public struct Violation: Codable, Sendable, Hashable {
    /// The blamed package: for effects, the outermost package on the path whose grant lacks the capability;
    /// for code properties (`unsafe`, `ffi`), the package whose own code has it.
    public var package: String
    public var capability: String
    /// The sink as the catalog names it.
    public var sink: String
    /// The witness path from the root's code to the sink, one hop per symbol.
    public var path: [PathHop]

    package init(package: String, capability: String, sink: String, path: [PathHop]) {
        self.package = package
        self.capability = capability
        self.sink = sink
        self.path = path
    }
}

/// One hop of a witness path: a symbol and the place where the previous hop refers to it
/// (for the first hop, its definition).
public struct PathHop: Codable, Sendable, Hashable {
    public var symbol: String
    /// The owning package's identity, or `toolchain` for the toolchain's own symbols.
    public var package: String
    public var module: String
    public var file: String
    public var line: Int
    public var column: Int
    /// How this hop is reached when it is not a recorded reference (e.g. `protocol witness or override`).
    public var via: String?

    package init(symbol: String, package: String, module: String, file: String, line: Int, column: Int, via: String? = nil) {
        self.symbol = symbol
        self.package = package
        self.module = module
        self.file = file
        self.line = line
        self.column = column
        self.via = via
    }
}

/// Per-package capabilities.
public struct PackageSummary: Codable, Sendable {
    public var identity: String
    public var version: String?
    /// What the policy grants the package at top level (the root holds everything).
    public var granted: [String]
    /// What the package's code reaches from the root, granted or not.
    public var reached: [String]
    /// What the package's code could reach that nothing from the root does.
    public var latent: [String]
    /// One example path per reached capability.
    public var reachedPaths: [String: [PathHop]]
    /// One example path per latent capability (starting at the package's own code).
    public var latentPaths: [String: [PathHop]]
    /// Every sink the package reaches from the root, per capability (sorted).
    public var reachedSinks: [String: [String]] = [:]
    /// The package's build-time targets (plugins and macros) by name: code that runs on the machine that builds.
    public var buildTimeTargets: [String] = []
    /// Lines of the package's Swift sources in `#if` branches this build does not compile (see `unanalyzed`).
    public var inactiveLines: Int = 0

    package init(identity: String, version: String? = nil, granted: [String], reached: [String], latent: [String], reachedPaths: [String: [PathHop]], latentPaths: [String: [PathHop]], reachedSinks: [String: [String]] = [:], buildTimeTargets: [String] = [], inactiveLines: Int = 0) {
        self.identity = identity
        self.version = version
        self.granted = granted
        self.reached = reached
        self.latent = latent
        self.reachedPaths = reachedPaths
        self.latentPaths = latentPaths
        self.reachedSinks = reachedSinks
        self.buildTimeTargets = buildTimeTargets
        self.inactiveLines = inactiveLines
    }
}

/// Code capcheck could not see into, and why. It is never silently passed.
public struct Unanalyzed: Codable, Sendable, Hashable {
    public var package: String
    public var reason: String
    /// The source file and line, for an entry about one place (code in an inactive `#if` branch).
    public var file: String?
    public var line: Int?
    /// For inactive `#if` code: the branch's condition as written (`os(macOS)`, `else of DEBUG`).
    public var condition: String?
    /// For inactive `#if` code: what the branch refers to (a catalog sink such as `FileManager`, or an escape hatch
    /// such as `@_silgen_name("socket")`), and the capability it would need.
    public var reference: String?
    public var capability: String?

    public init(package: String, reason: String, file: String? = nil, line: Int? = nil, condition: String? = nil,
                reference: String? = nil, capability: String? = nil) {
        self.package = package
        self.reason = reason
        self.file = file
        self.line = line
        self.condition = condition
        self.reference = reference
        self.capability = capability
    }
}

extension PackageSummary {
    private enum CodingKeys: String, CodingKey {
        case identity, version, granted, reached, latent, reachedPaths, latentPaths, reachedSinks, buildTimeTargets, inactiveLines
    }

    /// Decodes reports written by any capcheck of schema version 1: fields added later may be missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identity = try container.decode(String.self, forKey: .identity)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        granted = try container.decode([String].self, forKey: .granted)
        reached = try container.decode([String].self, forKey: .reached)
        latent = try container.decode([String].self, forKey: .latent)
        reachedPaths = try container.decodeIfPresent([String: [PathHop]].self, forKey: .reachedPaths) ?? [:]
        latentPaths = try container.decodeIfPresent([String: [PathHop]].self, forKey: .latentPaths) ?? [:]
        reachedSinks = try container.decodeIfPresent([String: [String]].self, forKey: .reachedSinks) ?? [:]
        buildTimeTargets = try container.decodeIfPresent([String].self, forKey: .buildTimeTargets) ?? []
        inactiveLines = try container.decodeIfPresent(Int.self, forKey: .inactiveLines) ?? 0
    }
}
