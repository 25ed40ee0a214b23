@testable import CapCheckCore
import Foundation
import XCTest

/// A file added to a dependency after the build: with `--skip-build` the index store is stale and capcheck says to
/// build; a run that builds makes SwiftPM replan (its plan tracks only the root's files), compiles it and analyses it.
/// A deleted file's unit is dropped (issue 16, case 5).
final class StaleIndexTests: XCTestCase {
    func testAFileAddedToADependencyIsBuiltAndAnalysedAndADeletedOneIsGone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Fixtures/Packages"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Fixtures.packagePath("CacheApp"), to: folder.appendingPathComponent("Fixtures/CacheApp"))
        for name in ["cache-swift-dep", "cache-c-dep"] {
            try FileManager.default.copyItem(at: Fixtures.packagePath("Packages/\(name)"), to: folder.appendingPathComponent("Fixtures/Packages/\(name)"))
        }
        let package = folder.appendingPathComponent("Fixtures/CacheApp")
        func audit(skipBuild: Bool) throws -> AnalysisReport {
            var options = Analyzer.Options(mode: .audit, packagePath: package, scratchPath: package.appendingPathComponent(".build"))
            options.skipBuild = skipBuild
            return try Analyzer(options: options).run()
        }
        XCTAssertEqual(try audit(skipBuild: false).summary(of: "cache-swift-dep")?.latent, [])

        let added = folder.appendingPathComponent("Fixtures/Packages/cache-swift-dep/Sources/CacheSwiftDep/Added.swift")
        try "import Foundation\nfunc added() { _ = FileManager.default.contents(atPath: \"/etc/hostname\") }\n"
            .write(to: added, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try audit(skipBuild: true)) { error in
            let message = (error as? CapCheckError)?.message ?? ""
            XCTAssertTrue(message.contains("Added.swift") && message.contains("has no index unit"), message)
            XCTAssertTrue(message.contains("run without --skip-build"), message)
        }
        XCTAssertEqual(try audit(skipBuild: false).summary(of: "cache-swift-dep")?.latent, ["fs"], "the added file is built and analysed")

        try FileManager.default.removeItem(at: added)
        let report = try audit(skipBuild: false)
        XCTAssertEqual(report.summary(of: "cache-swift-dep")?.latent, [], "the deleted file's unit is not read")
    }
}
