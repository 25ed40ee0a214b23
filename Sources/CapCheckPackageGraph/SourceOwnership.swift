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
    /// Modules of test targets (excluded from the root's entry points unless tests are included).
    public let testModules: Set<String>
    /// Each build-tool plugin's package, by the plugin's name.
    private let pluginPackages: [String: String]

    /// Owners by the graph's folders; a file a build-tool plugin generated is its plugin's package's code
    /// (`pluginPackage(ofGenerated:)`).
    public init(graph: PackageGraph) {
        var targets: [(String, Owner)] = []
        var modules: [String: Owner] = [:]
        var tests = Set<String>()
        for package in graph.packages {
            for target in package.targets {
                let owner = Owner(package: package.identity, module: target.moduleName)
                targets.append((Self.folder(target.path), owner))
                modules[target.moduleName] = modules[target.moduleName] ?? owner
                if target.isTest { tests.insert(target.moduleName) }
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
        testModules = tests
        pluginPackages = Dictionary(graph.packages.flatMap { package in
            package.targets.filter { $0.kind == .plugin }.map { ($0.name, package.identity) }
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The package whose build-tool plugin wrote `file`: SwiftPM puts a plugin's output for a target under
    /// `<scratch>/plugins/outputs/<package>/<target>/destination/<plugin>/` and compiles it into that target, but the
    /// code is the plugin's package's, whatever module it lands in (found by the ninth sweep: a plugin granted only
    /// `build` wrote a `getenv` into the root's module, and the root was blamed for it). Nil for other files. Only
    /// asked for a file outside every target's folder (`owner(of:unitModule:)`), so no package can name its own
    /// sources like that to pass them off as another's plugin's.
    public func pluginPackage(ofGenerated file: String) -> String? {
        guard let range = file.range(of: "/plugins/outputs/", options: .backwards) else { return nil }
        let parts = file[range.upperBound...].split(separator: "/").dropLast()
        // `<package>/<target>/destination/<plugin>/…`; a layout without `destination` names the plugin third.
        for index in [3, 2] where parts.count > index {
            if let package = pluginPackages[String(parts[parts.startIndex + index])] { return package }
        }
        return nil
    }

    /// The owner of `file`, or nil for toolchain and system files.
    public func owner(of file: String, unitModule: String) -> Owner? {
        if let owner = Self.deepestFolder(of: file, in: targetFolders) { return owner }
        if let package = pluginPackage(ofGenerated: file) {
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
}
