import CapCheckSupport
import CapCheckModel

/// Attributes a source file to the package and module that own it, by the longest target folder
/// that contains it, then by the longest package folder, then by the indexing unit's module name.
public struct SourceOwnership: Sendable {
    public struct Owner: Hashable, Sendable {
        public let package: String
        public let module: String?
    }

    private let targetFolders: [(prefix: String, owner: Owner)]
    private let packageFolders: [(prefix: String, package: String)]
    private let modules: [String: Owner]
    /// Modules of test targets (excluded from the root's entry points unless tests are included).
    public let testModules: Set<String>

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
        targetFolders = targets.sorted { $0.0.count > $1.0.count }
        packageFolders = graph.packages.map { (Self.folder($0.path), $0.identity) }.sorted { $0.0.count > $1.0.count }
        self.modules = modules
        testModules = tests
    }

    /// The owner of `file`, or nil for toolchain and system files.
    public func owner(of file: String, unitModule: String) -> Owner? {
        if let match = targetFolders.first(where: { file.hasPrefix($0.prefix) }) { return match.owner }
        if !unitModule.isEmpty, let owner = modules[unitModule] { return owner }
        if let match = packageFolders.first(where: { file.hasPrefix($0.prefix) }) {
            return Owner(package: match.package, module: unitModule.isEmpty ? nil : unitModule)
        }
        return nil
    }

    private static func folder(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }
}
