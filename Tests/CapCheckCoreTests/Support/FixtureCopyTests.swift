import Foundation
import XCTest

/// `Fixtures.copy`: a fixture with exactly the local packages it needs, at the same relative places, removed after
/// the test; the committed fixture is not touched.
final class FixtureCopyTests: XCTestCase {
    private let fixtures = Fixtures.repositoryRoot.appendingPathComponent("Fixtures")

    func testLocalPackagesAreFoundThroughEveryManifest() throws {
        XCTAssertEqual(try Fixtures.localPackages(of: "CacheApp", under: fixtures), ["CacheApp", "Packages/cache-c-dep", "Packages/cache-swift-dep"])
        // nested-parent brings nested-child; service-core comes once for three packages; CatalogProbe's own packages
        // come inside it.
        XCTAssertTrue(try Fixtures.localPackages(of: "DemoApp", under: fixtures).contains("Packages/nested-child"))
        XCTAssertEqual(try Fixtures.localPackages(of: "ServiceApp", under: fixtures),
                       ["ServiceApp", "Packages/conditional-default", "Packages/refined-default", "Packages/retroactive-framework",
                        "Packages/service-core", "Packages/socket-lib", "Packages/superclass-default"])
        XCTAssertEqual(try Fixtures.localPackages(of: "CatalogProbe", under: fixtures), ["CatalogProbe"])
        // PluginUser depends on this repository itself: no copy of it would resolve.
        XCTAssertThrowsError(try Fixtures.localPackages(of: "PluginUser", under: fixtures))
    }

    func testTheCopyIsSeparateAndRemovedAfterTheTest() throws {
        // Teardown blocks run last-added first: this one checks after the copy's own has removed it.
        var root: URL?
        addTeardownBlock {
            XCTAssertNotNil(root)
            XCTAssertFalse(root.map { FileManager.default.fileExists(atPath: $0.path) } ?? true, "the teardown removes the copy")
        }
        let copy = try Fixtures.copy("InitTree", for: self)
        root = copy.root
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.packagePath.appendingPathComponent("Package.swift").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.path("Packages/init-child/Package.swift").path), "init-parent's own dependency")
        XCTAssertEqual(copy.scratchPath, copy.packagePath.appendingPathComponent(".build"))
        try "// edited\n".write(to: copy.path("Packages/init-child/Package.swift"), atomically: true, encoding: .utf8)
        let committed = try String(contentsOf: fixtures.appendingPathComponent("Packages/init-child/Package.swift"), encoding: .utf8)
        XCTAssertNotEqual(committed, "// edited\n")
    }
}
