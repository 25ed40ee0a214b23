@testable import CapCheckCore
@testable import CapCheckModel
@testable import CapCheckPackageGraph
import XCTest

/// `SourceOwnership`: which package's code a file is, and which code is the root's tests. The twenty-third sweep's four
/// misattributions, each of which let a dependency's file or environment access pass.
final class SourceOwnershipTests: XCTestCase {
    private func target(_ name: String, in package: String, folder: String, isTest: Bool = false, kind: Target.Kind = .swift) -> Target {
        Target(name: name, moduleName: name, kind: kind, path: "/w/\(package)/\(folder)/\(name)", isTest: isTest)
    }

    private func package(_ identity: String, _ targets: [Target]) -> Package {
        Package(identity: identity, name: identity, path: "/w/\(identity)", version: nil, targets: targets)
    }

    private var ownership: SourceOwnership {
        let root = package("app", [target("App", in: "app", folder: "Sources"), target("AppTests", in: "app", folder: "Tests", isTest: true)])
        let evil = package("evil", [target("Evil", in: "evil", folder: "Sources"), target("CSneaky", in: "evil", folder: "Sources", kind: .clang),
                                    target("App", in: "evil", folder: "Tests", isTest: true)])
        let helper = package("helper", [target("Helper", in: "helper", folder: "Sources"), target("CSneaky", in: "helper", folder: "Tests", isTest: true)])
        let good = package("good", [target("Good", in: "good", folder: "Sources"), target("GoodTests", in: "good", folder: "Tests", isTest: true),
                                    Target(name: "Gen", moduleName: "Gen", kind: .plugin, path: "/w/good/Plugins/Gen", isTest: false)])
        return SourceOwnership(graph: PackageGraph(root: root, packages: [root, evil, helper, good],
                                                   dependencies: ["app": ["evil", "good"], "evil": ["helper", "good"]]))
    }

    /// Only the root's test targets are tests: a dependency's test target named `App` does not hide the root's `App`, nor
    /// does one named `CSneaky` hide another package's C target of that name.
    func testOnlyTheRootsTestTargetsAreTests() {
        let ownership = ownership
        XCTAssertTrue(ownership.isTest(package: "app", module: "AppTests"))
        XCTAssertFalse(ownership.isTest(package: "app", module: "App"))
        XCTAssertFalse(ownership.isTest(package: "evil", module: "CSneaky"))
        XCTAssertFalse(ownership.isTest(package: "evil", module: "App"))
        XCTAssertEqual(ownership.testModules, ["AppTests", "appPackageDiscoveredTests", "appPackageTests"])
    }

    /// A unit of module `GoodTests` (a test target of `good`, which SwiftPM never builds) from a file in `evil`'s folder
    /// outside its described targets is `evil`'s code, not `good`'s.
    func testAModuleNamedLikeADependencysTestTargetIsOwnedByItsFolder() {
        let owner = ownership.owner(of: "/w/evil/Hidden/Payload.swift", unitModule: "GoodTests")
        XCTAssertEqual(owner?.package, "evil")
        XCTAssertEqual(ownership.owner(of: "/elsewhere/Payload.swift", unitModule: "GoodTests")?.package, nil)
        XCTAssertEqual(ownership.owner(of: "/elsewhere/Helper.swift", unitModule: "Helper")?.package, "helper", "a built module still counts")
    }

    /// A plugin may write into the folder of another package's plugin, one the target does not use: the output is then
    /// the code of the plugin the target uses (the twenty-fifth sweep's).
    func testAFolderOfAPluginTheTargetDoesNotUseNamesTheOneItUses() {
        let root = package("app", [Target(name: "App", moduleName: "App", kind: .swift, path: "/w/app/Sources/App", isTest: false,
                                          productDependencies: ["Gen2"])])
        let aaa = package("aaa", [Target(name: "GenG", moduleName: "GenG", kind: .plugin, path: "/w/aaa/Plugins/GenG", isTest: false)])
        var zzz = package("zzz", [Target(name: "GenD", moduleName: "GenD", kind: .plugin, path: "/w/zzz/Plugins/GenD", isTest: false)])
        zzz = Package(identity: "zzz", name: "zzz", path: "/w/zzz", version: nil, targets: zzz.targets, products: [Product(name: "Gen2", targets: ["GenD"])])
        let ownership = SourceOwnership(graph: PackageGraph(root: root, packages: [root, aaa, zzz], dependencies: ["app": ["aaa", "zzz"]]))
        XCTAssertEqual(ownership.owner(of: "/w/app/.build/plugins/outputs/app/App/destination/GenG/Generated.swift", unitModule: "App")?.package, "zzz")
        XCTAssertEqual(ownership.owner(of: "/w/app/.build/plugins/outputs/app/App/destination/GenD/Generated.swift", unitModule: "App")?.package, "zzz")
    }

    /// A plugin's output for a dependency's target is that dependency's code; for the root's target, the plugin's package's.
    func testPluginOutputIsTheUsingPackagesUnlessItIsTheRoot() {
        let ownership = ownership
        XCTAssertEqual(ownership.owner(of: "/w/app/.build/plugins/outputs/evil/Evil/destination/Gen/Strings.swift", unitModule: "Evil")?.package, "evil")
        XCTAssertEqual(ownership.owner(of: "/scratch/plugins/outputs/app/App/destination/Gen/Strings.swift", unitModule: "App")?.package, "good")
    }
}
