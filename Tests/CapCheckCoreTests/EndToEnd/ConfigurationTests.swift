import CapCheckCore
import Foundation
import XCTest

/// `--configuration release` (issue 14): `Fixtures/ConfigApp`'s dependency reads a file only in release builds. The
/// debug analysis lists that branch as inactive code; the release analysis finds the violation.
final class ConfigurationTests: XCTestCase {
    private struct Report: Decodable {
        struct Violation: Decodable { let package, capability, sink: String }
        struct Unanalyzed: Decodable { let kind: String?; let condition: String? }
        let violations: [Violation]
        let unanalyzed: [Unanalyzed]
    }

    private func check(_ copy: FixtureCopy, _ extra: [String]) throws -> Report {
        let outcome = try CLI.run(["check", "--package-path", copy.packagePath.path, "--scratch-path", copy.scratchPath.path,
                                   "--format", "json", "--quiet"] + extra)
        XCTAssertNotEqual(outcome.status, 2, outcome.stderr)
        return try JSONDecoder().decode(Report.self, from: Data(outcome.stdout.utf8))
    }

    func testTheReleaseBuildIsAnalysedWhenAsked() throws {
        let copy = try Fixtures.copy("ConfigApp", for: self)
        let debug = try check(copy, [])
        XCTAssertEqual(debug.violations.count, 0)
        XCTAssertTrue(debug.unanalyzed.contains { $0.kind == "inactiveCode" && $0.condition?.contains("DEBUG") == true },
                      "the debug analysis says the release-only branch is not analysed")
        let release = try check(copy, ["--configuration", "release"])
        XCTAssertEqual(release.violations.map { "\($0.package) \($0.capability) \($0.sink)" },
                       ["release-payload fs Foundation.FileManager.contents(atPath:)"])
        XCTAssertFalse(release.unanalyzed.contains { $0.kind == "inactiveCode" }, "in release the DEBUG branch holds no sink")
    }
}
