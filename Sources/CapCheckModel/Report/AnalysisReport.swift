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
    /// The capcheck that wrote the report (`CapCheckVersion.current`); nil in reports of capcheck before 0.2.0.
    public var capcheckVersion: String?
    /// The toolchain the bundled sink catalog was generated from (its files' `toolchain`), nil before 0.2.0.
    public var catalogToolchain: String?

    package init(schemaVersion: Int = 1, root: String, violations: [Violation], packages: [PackageSummary], unanalyzed: [Unanalyzed],
                unusedGrants: [UnusedGrant] = [], packagePath: String? = nil, capcheckVersion: String? = nil, catalogToolchain: String? = nil) {
        self.schemaVersion = schemaVersion
        self.root = root
        self.violations = violations
        self.packages = packages
        self.unanalyzed = unanalyzed
        self.unusedGrants = unusedGrants
        self.packagePath = packagePath
        self.capcheckVersion = capcheckVersion
        self.catalogToolchain = catalogToolchain
    }

    /// Where the root package and each dependency lie (from `packagePath` and `packages[].path`).
    public var folders: PackageFolders {
        PackageFolders(root: packagePath, dependencies: Dictionary(
            packages.compactMap { package in package.path.map { (package.identity, $0) } }.filter { $0.0 != root },
            uniquingKeysWith: { first, _ in first }))
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
    /// For a grant narrowed by value (`fs:/etc/ssl/**`, `env:@caller`): the values the sink is used with that the
    /// grant does not cover. Nil (absent from JSON) for a violation of the capability's kind.
    public var values: [SinkValue]?
    /// Why a grant the policy has for the package did not apply on this path (a `"from": "test"` grant, on a path that
    /// starts in production code). Nil (absent from JSON) otherwise.
    public var note: String?
    /// With `--configuration both`: the configurations in which the path exists (`debug`, `release`); nil otherwise.
    public var configurations: [String]?

    package init(package: String, capability: String, sink: String, path: [PathHop], values: [SinkValue]? = nil, note: String? = nil) {
        self.package = package
        self.capability = capability
        self.sink = sink
        self.path = path
        self.values = values
        self.note = note
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
    /// The package's folder (reports show files inside a dependency as `<identity>/<path inside it>`).
    public var path: String?
    /// Per effect (`fs`, `env`, `exec`, `net`), the values the package's uses of its sinks get (`audit --values`, `init`,
    /// `diff`): constants and prefixes with where they were made, values from the caller, unknown ones with why.
    /// Nil (absent from JSON) when values were not collected.
    public var reachedValues: [String: [SinkValue]]?

    package init(identity: String, version: String? = nil, granted: [String], reached: [String], latent: [String], reachedPaths: [String: [PathHop]], latentPaths: [String: [PathHop]], reachedSinks: [String: [String]] = [:], buildTimeTargets: [String] = [], inactiveLines: Int = 0, path: String? = nil, reachedValues: [String: [SinkValue]]? = nil) {
        self.reachedValues = reachedValues
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
        self.path = path
    }
}

/// Code capcheck could not see into, and why. It is never silently passed.
public struct Unanalyzed: Codable, Sendable, Hashable {
    /// What kind of code it is: human formats count the entries of one target and kind on one line.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A binary target's prebuilt code.
        case binaryTarget
        /// A system-library target's library.
        case systemLibrary
        /// A plugin, a macro or a tool a plugin runs.
        case buildTimeCode
        /// A target of a kind capcheck does not know.
        case unknownTarget
        /// An assembly source (`file`).
        case assemblySource
        /// A C-family source (`file`) with parse errors.
        case cParseErrors
        /// The platform's system-call numbers, which could not be read.
        case systemCallNumbers
        /// A reference in an `#if` branch the build does not compile (`file`, `line`, `condition`, `reference`).
        case inactiveCode
        /// A reference in compiled Swift code that the index has no declaration for (`file`, `line`, `reference`).
        case undeclaredCode
        /// A Swift source (`file`) that could not be read.
        case unreadableSource
        /// A library or framework a target links from the system (`linkedLibrary`, `linkedFramework`): its code, load-time
        /// code included, is not analysed.
        case linkedLibrary
        /// `unsafeFlags` a target gives a compiler or the linker: what they do (rename symbols, add load-time code, load a
        /// compiler plugin) is not analysed.
        case unsafeFlags
        /// A function of the C library or of the toolchain's Foundation or Dispatch that a package's C code calls and the
        /// catalog does not classify (`reference`): what it does is not analysed.
        case unclassifiedFunction
    }

    public var package: String
    public var reason: String
    /// What kind of code it is; nil in reports of capcheck before 0.2.0 (and for kinds this capcheck does not know).
    public var kind: Kind?
    /// The target the entry is about, where it is about one.
    public var target: String?
    /// The source file (for an entry about one source) and line (for an entry about one place in it).
    public var file: String?
    public var line: Int?
    /// For inactive `#if` code: the branch's condition as written (`os(macOS)`, `else of DEBUG`).
    public var condition: String?
    /// For inactive `#if` code: what the branch refers to (a catalog sink such as `FileManager`, or an escape hatch
    /// such as `@_silgen_name("socket")`), and the capability it would need.
    public var reference: String?
    public var capability: String?
    /// True when the policy's `"unanalysed"` section acknowledges the entry (then `check --strict` does not fail on it);
    /// absent otherwise.
    public var acknowledged: Bool?

    public init(package: String, reason: String, kind: Kind? = nil, target: String? = nil, file: String? = nil, line: Int? = nil,
                condition: String? = nil, reference: String? = nil, capability: String? = nil) {
        self.package = package
        self.reason = reason
        self.kind = kind
        self.target = target
        self.file = file
        self.line = line
        self.condition = condition
        self.reference = reference
        self.capability = capability
    }
}

extension PackageSummary {
    private enum CodingKeys: String, CodingKey {
        case identity, version, granted, reached, latent, reachedPaths, latentPaths, reachedSinks, buildTimeTargets, inactiveLines, path
        case reachedValues
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
        reachedValues = try container.decodeIfPresent([String: [SinkValue]].self, forKey: .reachedValues)
        path = try container.decodeIfPresent(String.self, forKey: .path)
    }
}

extension Unanalyzed {
    /// The kinds whose entries name the capability they would need.
    public static let kindsWithCapability: Set<Kind> = [.inactiveCode, .undeclaredCode]

    /// What the entry is, as the policy's `"unanalysed"` section spells it: its kind, with the capability for the kinds
    /// that name one (`inactiveCode:net`); nil for an entry of no known kind.
    public var kindKey: String? {
        guard let kind else { return nil }
        guard Self.kindsWithCapability.contains(kind), let capability else { return kind.rawValue }
        return kind.rawValue + ":" + capability
    }

    private enum CodingKeys: String, CodingKey {
        case package, reason, kind, target, file, line, condition, reference, capability, acknowledged
    }

    /// Decodes entries of any capcheck of schema version 1: `kind` may be missing, or one a later capcheck added.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        package = try container.decode(String.self, forKey: .package)
        reason = try container.decode(String.self, forKey: .reason)
        kind = (try? container.decodeIfPresent(String.self, forKey: .kind)).flatMap(Kind.init(rawValue:))
        target = try container.decodeIfPresent(String.self, forKey: .target)
        file = try container.decodeIfPresent(String.self, forKey: .file)
        line = try container.decodeIfPresent(Int.self, forKey: .line)
        condition = try container.decodeIfPresent(String.self, forKey: .condition)
        reference = try container.decodeIfPresent(String.self, forKey: .reference)
        capability = try container.decodeIfPresent(String.self, forKey: .capability)
        acknowledged = try container.decodeIfPresent(Bool.self, forKey: .acknowledged)
    }
}
