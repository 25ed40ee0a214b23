@testable import CapCheckCore
import XCTest

/// `PackageGraph.linkedModules`: what the root's programs may link, through targets and products; a library product of
/// a dependency nothing of the root's uses is built (SwiftPM builds every product's targets) but not linked. (Vapor's
/// graph builds swift-http-types' `HTTPTypesFoundation`, which imports FoundationNetworking, and links it nowhere.)
final class LinkedModulesTests: XCTestCase {
    func testTheRootsTargetsAndWhatTheyDependOnAreLinkedAndAnUnusedProductIsNot() {
        func target(_ name: String, _ package: String, test: Bool = false, targets: [String] = [], products: [String] = []) -> Target {
            var target = Target(name: name, moduleName: name, kind: .swift, path: "/v/\(package)/Sources/\(name)", isTest: test)
            target.targetDependencies = targets
            target.productDependencies = products
            return target
        }
        let root = Package(identity: "app", name: "App", path: "/v/app", version: nil, targets: [
            target("App", "app", targets: ["Core"]), target("Core", "app", products: ["HTTPTypes"]),
            target("AppTests", "app", test: true, products: ["HTTPTypesFoundation"]),
        ])
        let types = Package(identity: "swift-http-types", name: "swift-http-types", path: "/v/types", version: "1.0.0",
                            targets: [target("HTTPTypes", "types"), target("HTTPTypesFoundation", "types", targets: ["HTTPTypes"])],
                            products: [Product(name: "HTTPTypes", targets: ["HTTPTypes"]),
                                       Product(name: "HTTPTypesFoundation", targets: ["HTTPTypesFoundation"])])
        let graph = PackageGraph(root: root, packages: [root, types], dependencies: ["app": ["swift-http-types"], "swift-http-types": []])
        XCTAssertEqual(graph.linkedModules(includeTests: false), ["App", "Core", "HTTPTypes"])
        XCTAssertEqual(graph.linkedModules(includeTests: true), ["App", "Core", "HTTPTypes", "AppTests", "HTTPTypesFoundation"])
    }
}
