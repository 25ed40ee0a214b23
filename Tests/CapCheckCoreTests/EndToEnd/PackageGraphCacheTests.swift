@testable import CapCheckCore
import Foundation
import XCTest

/// The package graph is cached under the scratch folder and used only while its key — Package.resolved, the
/// toolchain, the environment variables manifests read, every manifest's content and the names of every file in every
/// target — is unchanged, and only while the file is whole.
final class PackageGraphCacheTests: XCTestCase {
    /// A copy of DemoApp and its local dependencies (the test edits them).
    private func copyOfDemoApp() throws -> URL { try Fixtures.copy("DemoApp", for: self).packagePath }

    func testCachedGraphIsUsedUntilAnInputChanges() throws {
        let package = try copyOfDemoApp()
        let scratch = package.appendingPathComponent(".build")
        let loader = PackageGraphLoader(toolchain: try Toolchain.locate(), packagePath: package, scratchPath: scratch)
        let fresh = try loader.load()
        let cache = PackageGraphCache(packagePath: package, scratchPath: scratch, onlyResolvedVersions: false,
                                      swift: try Toolchain.locate().swiftExecutable)
        let file = CacheFile(url: ScratchLayout(scratch: scratch).packageGraph, format: PackageGraphCache.format)
        XCTAssertNotNil(file.read(key: cache.key(for: fresh.packages)))

        // Rewrite the cached graph under the same key: the loader returns it, proving it reads the cache.
        func tamper() throws {
            var json = try XCTUnwrap(JSONSerialization.jsonObject(with: XCTUnwrap(file.read()).payload) as? [String: Any])
            var root = try XCTUnwrap(json["root"] as? [String: Any])
            root["name"] = "TamperedName"
            json["root"] = root
            file.write(try JSONSerialization.data(withJSONObject: json), key: cache.key(for: fresh.packages))
        }
        try tamper()
        XCTAssertEqual(try loader.load().root.name, "TamperedName")

        // Touching a manifest keeps the key (its content is the same); editing one changes it.
        let manifest = package.deletingLastPathComponent().appendingPathComponent("Packages/latent-fs/Package.swift")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: manifest.path)
        XCTAssertEqual(try loader.load().root.name, "TamperedName")
        try (try String(contentsOf: manifest, encoding: .utf8) + "\n// edited\n").write(to: manifest, atomically: true, encoding: .utf8)
        XCTAssertEqual(try loader.load().root.name, "DemoApp")

        // A Swift file added to a dependency's target changes the source lists (issue 16: it was never analysed).
        try tamper()
        let helper = package.deletingLastPathComponent().appendingPathComponent("Packages/granted-fs/Sources/GrantedFS/Helper.swift")
        try "func helper() {}\n".write(to: helper, atomically: true, encoding: .utf8)
        let withHelper = try loader.load()
        XCTAssertEqual(withHelper.root.name, "DemoApp")
        let grantedFS = try XCTUnwrap(withHelper.packages.first { $0.identity == "granted-fs" }?.targets.first)
        XCTAssertTrue(grantedFS.sources.contains("Helper.swift"), "\(grantedFS.sources)")

        // So does a renamed one.
        try tamper()
        try FileManager.default.moveItem(at: helper, to: helper.deletingLastPathComponent().appendingPathComponent("Renamed.swift"))
        XCTAssertEqual(try loader.load().root.name, "DemoApp")

        // The toolchain and the environment variables a manifest reads are part of the key; other variables are not
        // (`_` or a CI job's id made every run whose environment differed from the last one resolve the graph again).
        let key = cache.key(for: fresh.packages)
        var otherEnvironment = cache
        otherEnvironment.environment["CAPCHECK_MANIFEST_SWITCH"] = "1"
        otherEnvironment.environment["_"] = "/usr/bin/time"
        XCTAssertEqual(otherEnvironment.key(for: fresh.packages), key)
        let rootManifest = package.appendingPathComponent("Package.swift")
        try (try String(contentsOf: rootManifest, encoding: .utf8)
            + "\nif Context.environment[\"CAPCHECK_MANIFEST_SWITCH\"] != nil { package.swiftLanguageModes = [.v5] }\n")
            .write(to: rootManifest, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(otherEnvironment.key(for: fresh.packages), cache.key(for: fresh.packages))
        let otherToolchain = PackageGraphCache(packagePath: package, scratchPath: scratch, onlyResolvedVersions: false,
                                               swift: URL(fileURLWithPath: "/usr/bin/true"))
        XCTAssertNotEqual(otherToolchain.key(for: fresh.packages), key)
    }

    func testADamagedCacheIsNotUsed() throws {
        let package = try copyOfDemoApp()
        let scratch = package.appendingPathComponent(".build")
        let loader = PackageGraphLoader(toolchain: try Toolchain.locate(), packagePath: package, scratchPath: scratch)
        let fresh = try loader.load()
        let url = ScratchLayout(scratch: scratch).packageGraph
        var bytes = try [UInt8](Data(contentsOf: url))
        bytes[bytes.count / 2] ^= 0x04  // one bit flipped in the payload
        try Data(bytes).write(to: url)
        XCTAssertEqual(try loader.load().dependencies, fresh.dependencies)
        XCTAssertNotNil(CacheFile(url: url, format: PackageGraphCache.format).read(), "the damaged file was replaced by a whole one")
    }
}
