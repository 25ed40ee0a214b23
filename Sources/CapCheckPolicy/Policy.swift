import CapCheckSupport
import CapCheckModel
import CapCheckCatalog

/// A 1-based line and column in a policy file; columns count Unicode scalars.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// The contents of a `capabilities.json` policy: which capabilities each dependency may hold.
public struct Policy: Sendable {
    /// What a package not listed in `packages` may hold: nothing (`deny`), or, for a nested
    /// dependency, whatever the package that depends on it was granted (`inherit`).
    public enum Unlisted: String, Sendable { case deny, inherit }

    /// The capabilities granted to one package (or one module of it), with what it passes on.
    public struct Grant: Sendable {
        /// The key as written: `"identity"` or `"identity/Module"`.
        public let key: String
        /// The SwiftPM package identity (the part before `/`).
        public let identity: String
        /// The module the grant is narrowed to (the part after `/`), if any.
        public let module: String?
        /// The capabilities granted, narrowed or not (`fs:/etc/ssl/**` puts `fs` here too).
        public let allow: Set<Capability>
        /// The value patterns of each narrowed capability, in file order without duplicates: a capability appears
        /// here only when every entry of its kind in `allow` is `CAP:VALUE` (a plain `fs` beside `fs:/x` is
        /// unrestricted fs). Empty when nothing is narrowed.
        public let narrowed: [Capability: [ValuePattern]]
        /// Where the grant applies (`"from"`): nil everywhere; `.test` only on paths that start in a test target of
        /// the root (`check --include-tests`), so a test-only need does not become a production grant; `.build` only
        /// on paths that start in the build (plugins and macros), so a build-time need does not reach the program.
        public let from: Scope?
        /// Why the package needs these capabilities, for reviewers.
        public let reason: String?
        /// What this package may pass on to its own (transitive) dependencies, by key.
        public let packages: [String: Grant]
        /// Where the key appears in the policy file.
        public let position: SourcePosition
        /// Where the package must come from for the grant to apply (`"source"`): the git URL it was written for, or,
        /// for a local dependency, its folder relative to the root package. Nil: from anywhere (`--strict` warns).
        public let source: String?
        /// Where `"source"`'s value appears.
        public let sourcePosition: SourcePosition?

        package init(key: String, identity: String, module: String?, allow: Set<Capability>, reason: String?, packages: [String: Grant],
                     position: SourcePosition, source: String? = nil, sourcePosition: SourcePosition? = nil,
                     narrowed: [Capability: [ValuePattern]] = [:], from: Scope? = nil) {
            self.key = key
            self.identity = identity
            self.module = module
            self.allow = allow
            self.reason = reason
            self.packages = packages
            self.position = position
            self.source = source
            self.sourcePosition = sourcePosition
            self.narrowed = narrowed
            self.from = from
        }
    }

    /// The code a grant is scoped to (`"from"`).
    public enum Scope: String, Sendable {
        /// Paths that start in a test target of the root package.
        case test
        /// Paths that start in the build: the plugins and macros it runs (for `build`, and what their code reaches).
        case build
    }

    /// A capability declared in the policy's `capabilities` section.
    public struct UserCapability: Sendable {
        public let capability: Capability
        /// Demangled qualified-name prefixes (e.g. `MyVault.Keychain.read`) whose use requires the capability.
        public let sinks: [String]
        /// Whether the capability is an effect that propagates from callee to caller (default true).
        public let propagates: Bool
        /// Where the capability's name appears in the policy file.
        public let position: SourcePosition

        package init(capability: Capability, sinks: [String], propagates: Bool, position: SourcePosition) {
            self.capability = capability
            self.sinks = sinks
            self.propagates = propagates
            self.position = position
        }
    }

    /// The path used in messages.
    public let file: String
    public let version: Int
    public let unlisted: Unlisted
    /// Top-level grants by key.
    public let packages: [String: Grant]
    /// User capabilities by name.
    public let capabilities: [Capability: UserCapability]
    /// Unanalysed code the policy acknowledges, by package identity (`"unanalysed"`): what `check --strict` tolerates.
    public let unanalysed: [String: UnanalysedAcknowledgement]
    /// The SHA-256 of the bytes the policy was parsed from (`PolicyLoader.parse`); nil for a policy made in code.
    public internal(set) var contentDigest: String?

    /// Built-ins plus user capabilities.
    public var knownCapabilities: Set<Capability> { Set(Capability.builtIn).union(capabilities.keys) }

    /// The empty policy used by `capcheck audit` and when no file exists: unlisted = deny, no packages.
    public static func empty(file: String) -> Policy {
        Policy(file: file, version: 1, unlisted: .deny, packages: [:], capabilities: [:])
    }

    package init(file: String, version: Int, unlisted: Unlisted, packages: [String: Grant], capabilities: [Capability: UserCapability],
                 unanalysed: [String: UnanalysedAcknowledgement] = [:]) {
        self.file = file
        self.version = version
        self.unlisted = unlisted
        self.packages = packages
        self.capabilities = capabilities
        self.unanalysed = unanalysed
    }
}
