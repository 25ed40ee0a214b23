@testable import CapCheckCore
import XCTest

/// `describe` lists a target's product dependencies by name alone. Two direct dependencies may both have a library
/// product of that name (an evasion sweep's F3: `decoy` and `evil` both export `Lib`; the root depends on each from a
/// different target): a target depends on every product of that name, never on the first package's only.
final class ProductDependencyTests: XCTestCase {
    func testAProductNameSeveralDependenciesShareNamesThemAll() {
        func target(_ name: String, products: [String] = [], plugins: [String] = []) -> Target {
            Target(name: name, moduleName: name, kind: .swift, path: "/\(name)", isTest: false,
                   targetDependencies: plugins, productDependencies: products)
        }
        let app = Package(identity: "app", name: "App", path: "/app", version: nil,
                          targets: [target("Other", products: ["Lib"]), target("App", products: ["Lib"])])
        let decoy = Package(identity: "decoy", name: "decoy", path: "/decoy", version: nil, targets: [target("DecoyLib")],
                            products: [Product(name: "Lib", targets: ["DecoyLib"])])
        let evil = Package(identity: "evil", name: "evil", path: "/evil", version: nil, targets: [target("EvilLib")],
                           products: [Product(name: "Lib", targets: ["EvilLib"])])
        let graph = PackageGraph(root: app, packages: [app, decoy, evil], dependencies: ["app": ["decoy", "evil"], "decoy": [], "evil": []])
        XCTAssertEqual(graph.dependencies(of: app.targets[1], in: app).map { "\($0.package.identity)/\($0.target.name)" },
                       ["decoy/DecoyLib", "evil/EvilLib"])
    }
}
