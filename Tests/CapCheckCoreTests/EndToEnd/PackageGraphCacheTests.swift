@testable import CapCheckCore
import Foundation
import XCTest

/// The package graph is cached under the scratch folder and used only while its key (Package.resolved and
/// every manifest's size and modification time) is unchanged.
final class PackageGraphCacheTests: XCTestCase {
    func testCachedGraphIsUsedUntilAManifestChanges() throws {
        try Fixtures.build("DemoApp")
        let package = Fixtures.packagePath("DemoApp")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-graph-cache-\(UUID().uuidString)")
        let loader = PackageGraphLoader(toolchain: try Toolchain.locate(), packagePath: package, scratchPath: scratch)
        let fresh = try loader.load()
        let cacheFile = scratch.appendingPathComponent("capcheck/package-graph.json")
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheFile.path))
        XCTAssertEqual(try loader.load().packages.map(\.identity), fresh.packages.map(\.identity))

        // Tamper with the cached graph (keeping its key): the loader must return it, proving it reads the cache.
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: cacheFile)) as? [String: Any])
        var root = try XCTUnwrap(json["root"] as? [String: Any])
        root["name"] = "TamperedName"
        json["root"] = root
        try JSONSerialization.data(withJSONObject: json).write(to: cacheFile)
        XCTAssertEqual(try loader.load().root.name, "TamperedName")

        // Touching a dependency's manifest invalidates it.
        let manifest = Fixtures.repositoryRoot.appendingPathComponent("Fixtures/Packages/latent-fs/Package.swift").path
        let original = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: manifest)[.modificationDate] as? Date)
        try FileManager.default.setAttributes([.modificationDate: original.addingTimeInterval(-3600)], ofItemAtPath: manifest)
        defer { try? FileManager.default.setAttributes([.modificationDate: original], ofItemAtPath: manifest) }
        XCTAssertEqual(try loader.load().root.name, "DemoApp")
    }
}
