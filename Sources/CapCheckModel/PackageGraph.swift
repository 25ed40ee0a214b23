import CapCheckSupport

/// The root package and its resolved dependencies, with each target's kind and source folder,
/// so that every indexed source file can be attributed to its package and module.
public struct PackageGraph: Sendable {
    public let root: Package
    /// Every package, root first, then dependencies in breadth-first order.
    public let packages: [Package]
    /// Each package's direct dependencies by identity.
    public let dependencies: [String: [String]]

    public init(root: Package, packages: [Package], dependencies: [String: [String]]) {
        self.root = root
        self.packages = packages
        self.dependencies = dependencies
        var closure: [String: Set<String>] = [:]
        for package in packages { closure[package.identity] = Self.transitive(from: package.identity, dependencies) }
        transitiveDependencies = closure
    }

    /// Each package's transitive dependencies (not including itself).
    public let transitiveDependencies: [String: Set<String>]

    public func package(_ identity: String) -> Package? { packages.first { $0.identity == identity } }

    /// Whether code of `callee` runs on behalf of `caller` when `caller` calls into it:
    /// true when `callee` is `caller` or one of its (transitive) dependencies.
    public func isDependency(_ callee: String, of caller: String) -> Bool {
        callee == caller || transitiveDependencies[caller]?.contains(callee) == true
    }

    /// The targets `target` of `package` depends on or uses as plugins: same-package targets by name, products by
    /// name among the package's direct dependencies (a product's targets). `describe` names a product without its
    /// package, so when several direct dependencies have a product of that name, the target depends on all of them.
    public func dependencies(of target: Target, in package: Package) -> [(package: Package, target: Target)] {
        var result: [(package: Package, target: Target)] = []
        for name in target.targetDependencies {
            if let dependency = package.targets.first(where: { $0.name == name }) { result.append((package, dependency)) }
        }
        let direct = (dependencies[package.identity] ?? []).compactMap(self.package)
        for name in target.productDependencies {
            for owner in direct {
                guard let product = owner.products.first(where: { $0.name == name }) else { continue }
                for targetName in product.targets {
                    if let dependency = owner.targets.first(where: { $0.name == targetName }) { result.append((owner, dependency)) }
                }
            }
        }
        return result
    }

    private static func transitive(from start: String, _ edges: [String: [String]]) -> Set<String> {
        var seen = Set<String>()
        var stack = edges[start] ?? []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack.append(contentsOf: edges[next] ?? [])
        }
        return seen
    }
}

/// One package of the graph.
public struct Package: Sendable, Hashable, Codable {
    /// The SwiftPM identity (the key used in `capabilities.json`).
    public let identity: String
    public let name: String
    /// Absolute path of the package's root folder.
    public let path: String
    /// The resolved version, or nil for local and unversioned packages.
    public let version: String?
    public let targets: [Target]
    /// The package's products (what other packages depend on by name).
    public var products: [Product] = []
    /// Where the graph resolves the package from, as SwiftPM names it: the git URL of a remote dependency, the
    /// absolute folder of a local one (`show-dependencies`' `url`).
    public var location: String?

    package init(identity: String, name: String, path: String, version: String?, targets: [Target], products: [Product] = [],
                 location: String? = nil) {
        self.identity = identity
        self.name = name
        self.path = path
        self.version = version
        self.targets = targets
        self.products = products
        self.location = location
    }
}

/// One product of a package: a name other packages depend on, and the targets it is made of.
public struct Product: Sendable, Hashable, Codable {
    public let name: String
    public let targets: [String]

    package init(name: String, targets: [String]) {
        self.name = name
        self.targets = targets
    }
}

/// One target of a package.
public struct Target: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case swift, clang, systemLibrary, binary, plugin, macro, unknown
    }

    public let name: String
    /// The module name the compiler uses (`c99name`).
    public let moduleName: String
    public let kind: Kind
    /// Absolute path of the target's source folder.
    public let path: String
    public let isTest: Bool
    /// Targets of the same package this one depends on, plugins it uses included (`target_dependencies`).
    public var targetDependencies: [String] = []
    /// Products of other packages this one depends on, plugins it uses included (`product_dependencies`).
    public var productDependencies: [String] = []
    /// For a plugin target, `buildTool` or `command` (`plugin_capability.type`).
    public var pluginCapability: String?
    /// The target's source files, relative to `path`, as SwiftPM lists them.
    public var sources: [String] = []
    /// Settings that bring in code or behaviour capcheck does not analyse: libraries and frameworks linked from the
    /// system, and `unsafeFlags` given to a tool (read with `swift package dump-package`; nil: none).
    public var nativeSettings: [NativeSetting]?

    /// Whether the target's `unsafeFlags` may make a compiler or the linker load a plugin or run another program:
    /// any flag but the few known quiet ones (`NativeSetting.loadsCode`). The build then runs code the package chose.
    /// Judged over every `unsafeFlags` setting of a tool together, in order: SwiftPM joins them into one command line, so
    /// `["-Xfrontend"]` and `["-D", "-load-pass-plugin=…"]` in two settings are one forwarded flag and a plugin.
    public var runsProgramsAtBuildTime: Bool {
        let flags = (nativeSettings ?? []).filter { $0.kind == "unsafeFlags" }
        return Dictionary(grouping: flags, by: \.tool).values.contains { !QuietFlags.allQuiet($0.flatMap(\.values)) }
    }

    /// One `linkedLibrary`, `linkedFramework` or `unsafeFlags` setting of a target.
    public struct NativeSetting: Sendable, Hashable, Codable {
        /// `linkedLibrary`, `linkedFramework` or `unsafeFlags`.
        public let kind: String
        /// The tool it is given to: `c`, `cxx`, `swift` or `linker`.
        public let tool: String
        /// The library or framework name, or the flags.
        public let values: [String]

        public init(kind: String, tool: String, values: [String]) {
            self.kind = kind
            self.tool = tool
            self.values = values
        }

        /// Whether the flags may make a compiler or the linker load a plugin or run another program: every flag but
        /// the quiet ones (`QuietFlags`: defines, warnings, optimisation, language features, target CPU) counts, a
        /// response file (`@file`) and a flag handed to the linker included.
        public var loadsCode: Bool { !QuietFlags.allQuiet(values) }
    }

    package init(name: String, moduleName: String, kind: Kind, path: String, isTest: Bool, targetDependencies: [String] = [], productDependencies: [String] = [], pluginCapability: String? = nil, sources: [String] = []) {
        self.name = name
        self.moduleName = moduleName
        self.kind = kind
        self.path = path
        self.isTest = isTest
        self.targetDependencies = targetDependencies
        self.productDependencies = productDependencies
        self.pluginCapability = pluginCapability
        self.sources = sources
    }
}
