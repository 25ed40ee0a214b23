import CapCheckSupport
import CapCheckModel

/// Attributes a source file to the package and module that own it, by the longest target folder
/// that contains it, then by the longest package folder, then by the indexing unit's module name.
public struct SourceOwnership: Sendable {
    public struct Owner: Hashable, Sendable {
        public let package: String
        public let module: String?
    }

    /// Target and package folders (each ending in `/`), to their owner: the first in order of decreasing length wins.
    private let targetFolders: [String: Owner]
    private let packageFolders: [String: String]
    private let modules: [String: Owner]
    /// Each target's folder (ending in `/`), by its owner.
    private let folderOf: [Owner: String]
    /// Modules of the root's test targets (excluded from the root's entry points unless tests are included). Only the
    /// root's: SwiftPM builds no dependency's tests, and a dependency's test target named like a module of the root
    /// (`App`) or like another package's C target hid that code from the check (the twenty-third sweep's). Ask
    /// `isTest(package:module:)`, which compares the package too.
    public let testModules: Set<String>
    /// The root package's identity.
    private let root: String
    /// Each build-tool plugin's package, by the plugin's name.
    private let pluginPackages: [String: String]
    /// The plugins each target uses, by `package/target`.
    private let pluginsUsed: [String: [String]]
    /// The build-tool plugins each target uses, by its owner (package and module).
    private let pluginsOfModule: [Owner: [String]]

    /// Owners by the graph's folders; a file a build-tool plugin generated is owned as `generatedCodePackage(of:)` says.
    public init(graph: PackageGraph) {
        var targets: [(String, Owner)] = []
        var folderOf: [Owner: String] = [:]
        var modules: [String: Owner] = [:]
        var tests = Set<String>()
        for package in graph.packages {
            let isRoot = package.identity == graph.root.identity
            for target in package.targets {
                let owner = Owner(package: package.identity, module: target.moduleName)
                targets.append((Self.folder(target.path), owner))
                folderOf[owner] = folderOf[owner] ?? Self.folder(target.path)
                // A dependency's test target is never built: a unit of that module name is another package's code (a
                // manifest that describes one layout and builds another put its code in `good`'s `GoodTests`: the
                // twenty-third sweep's), found by its folder instead.
                if !target.isTest || isRoot { modules[target.moduleName] = modules[target.moduleName] ?? owner }
                if target.isTest && isRoot { tests.insert(target.moduleName) }
            }
        }
        // SwiftPM's generated test glue of the root (`<Name>PackageDiscoveredTests` lists the test methods, `<Name>PackageTests`
        // is the runner's main): code that only runs the tests.
        if tests.isEmpty == false {
            tests.insert(graph.root.name + "PackageDiscoveredTests")
            tests.insert(graph.root.name + "PackageTests")
        }
        targetFolders = Dictionary(targets, uniquingKeysWith: { first, _ in first })
        packageFolders = Dictionary(graph.packages.map { (Self.folder($0.path), $0.identity) }, uniquingKeysWith: { first, _ in first })
        self.modules = modules
        self.folderOf = folderOf
        testModules = tests
        root = graph.root.identity
        pluginPackages = Dictionary(graph.packages.flatMap { package in
            package.targets.filter { $0.kind == .plugin }.map { ($0.name, package.identity) }
        }, uniquingKeysWith: { first, _ in first })
        let used = graph.packages.flatMap { package in
            package.targets.map { target in
                (package, target, graph.dependencies(of: target, in: package).filter { $0.target.kind == .plugin }.map(\.target.name))
            }
        }
        pluginsUsed = Dictionary(used.map { ($0.0.identity + "/" + $0.1.name, $0.2) }, uniquingKeysWith: { first, _ in first })
        pluginsOfModule = Dictionary(used.map { (Owner(package: $0.0.identity, module: $0.1.moduleName), $0.2) },
                                     uniquingKeysWith: { first, _ in first })
    }

    /// Whether code of `module` in `package` is the root's test code.
    public func isTest(package: String?, module: String?) -> Bool {
        package == root && testModules.contains(module ?? "")
    }

    /// The package whose code a file a build-tool plugin generated is; nil for other files. SwiftPM puts a plugin's
    /// output for a target under `<scratch>/plugins/outputs/<package>/<target>/destination/<plugin>/` and compiles it into
    /// that target. Generated for a dependency's target, it is that dependency's code: it chose the plugin and gave it its
    /// inputs (a granted package's copier or template plugin turned another's `Strings.tmpl` into code that ran under the
    /// granted package's grant: the twenty-third sweep's). Generated for the root's, which holds every grant, it is the
    /// plugin's package's, whatever module it lands in (the ninth sweep's: a plugin granted only `build` wrote a
    /// `getenv` into the root's module, and the root was blamed). A plugin may write anywhere: a folder names its plugin
    /// only when the target uses that plugin, else the output is the plugin's the target uses (the twenty-fifth sweep's
    /// plugin wrote into the folder of a granted package's plugin). Only asked for a file outside every target's folder
    /// (`owner(of:unitModule:)`), so no package can name its own sources like that to pass them off as another's.
    ///
    /// A file compiled into a module (`unitModule`) whose target uses build-tool plugins, from outside every target's
    /// folder, is what those plugins wrote, wherever they wrote it: a plugin may name any output path, and one outside
    /// `plugins/outputs/` was taken for the root's own code, one under a folder naming another package for that
    /// package's (the thirtieth sweep's). It is then the dependency's whose target it is, or, in a root's target, the
    /// package of the plugin its folder names among those the target uses, else of the first of them by name.
    /// SwiftPM's own resource accessor is the target's.
    public func generatedCodePackage(of file: String, unitModule: String = "") -> String? {
        if !unitModule.isEmpty, let compiling = modules[unitModule], let used = pluginsOfModule[compiling], !used.isEmpty,
           !Self.swiftPMGenerated.contains(String(file.split(separator: "/").last ?? "")) {
            if compiling.package != root { return compiling.package }
            let named = file.split(separator: "/").map(String.init).first { used.contains($0) }
            return named.flatMap { pluginPackages[$0] } ?? used.compactMap { pluginPackages[$0] }.min()
        }
        guard let range = file.range(of: "/plugins/outputs/", options: .backwards) else { return nil }
        let parts = file[range.upperBound...].split(separator: "/").dropLast().map(String.init)
        // `<package>/<target>/destination/<plugin>/…`; a layout without `destination` names the plugin third.
        guard let plugin = [3, 2].filter({ parts.count > $0 }).map({ parts[$0] }).first(where: { pluginPackages[$0] != nil }),
              let named = pluginPackages[plugin] else { return nil }
        let used = parts.count > 1 ? pluginsUsed[parts[0] + "/" + parts[1]] ?? [] : []
        let writer = used.isEmpty || used.contains(plugin) ? named : used.compactMap { pluginPackages[$0] }.min() ?? named
        return parts[0] != root && packageFolders.values.contains(parts[0]) ? parts[0] : writer
    }

    /// The owner of `file`, or nil for toolchain and system files. Where several targets of a package claim the file's
    /// folder (two targets at one `path` with disjoint `sources:`, or a target's `sources:` reaching into a nested
    /// target's folder), the module the compiler built it into (the unit's) is the owner: by the longest folder alone, a
    /// grant to one target covered the other's code (the thirtieth sweep's).
    public func owner(of file: String, unitModule: String) -> Owner? {
        if let owner = Self.deepestFolder(of: file, in: targetFolders) {
            if !unitModule.isEmpty, unitModule != owner.module, let built = modules[unitModule], built.package == owner.package,
               let folder = folderOf[built], file.hasPrefix(folder) {
                return built
            }
            return owner
        }
        if let package = generatedCodePackage(of: file, unitModule: unitModule) {
            return Owner(package: package, module: unitModule.isEmpty ? nil : unitModule)
        }
        if !unitModule.isEmpty, let owner = modules[unitModule] { return owner }
        if let package = Self.deepestFolder(of: file, in: packageFolders) {
            return Owner(package: package, module: unitModule.isEmpty ? nil : unitModule)
        }
        return nil
    }

    /// The value of the longest folder in `folders` that `file` lies in: each prefix of `file` ending in `/`, from the
    /// longest, looked up (a folder is a prefix of the path exactly when it is one of these).
    private static func deepestFolder<Value>(of file: String, in folders: [String: Value]) -> Value? {
        var end = file.utf8.endIndex
        while let slash = file.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
            end = slash
            if let value = folders[String(file[...slash])] { return value }
        }
        return nil
    }

    private static func folder(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }

    /// The sources SwiftPM itself writes into a target (its resource bundle's accessor).
    private static let swiftPMGenerated: Set<String> = ["resource_bundle_accessor.swift", "resource_bundle_accessor.m",
                                                        "embedded_resources.swift"]
}
