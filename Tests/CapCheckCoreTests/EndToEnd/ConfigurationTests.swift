import CapCheckCore
import Foundation
import XCTest

/// `--configuration release` (issue 14): `Fixtures/ConfigApp`'s dependency reads a file only in release builds. The
/// debug analysis lists that branch as inactive code; the release analysis finds the violation.
final class ConfigurationTests: XCTestCase {
    private struct Report: Decodable {
        struct Violation: Decodable { let package, capability, sink: String; let configurations: [String]? }
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

        // Both: the release-only violation says so, and the branch debug did not compile is no longer unanalysed.
        let both = try check(copy, ["--configuration", "both", "--skip-build"])
        XCTAssertEqual(both.violations.map(\.configurations), [["release"]])
        XCTAssertFalse(both.unanalyzed.contains { $0.kind == "inactiveCode" })
        XCTAssertNil(release.violations.first?.configurations, "one configuration: the field is absent")
        // Each configuration keeps its own snapshot: the next `both` run reuses the two graphs (before, each
        // configuration's run replaced the other's snapshot, and every `both` run built both graphs again).
        let again = try CLI.run(["check", "--package-path", copy.packagePath.path, "--scratch-path", copy.scratchPath.path,
                                 "--format", "json", "--configuration", "both", "--skip-build"])
        XCTAssertEqual(again.stderr.components(separatedBy: "no input changed since the last run").count - 1, 2, again.stderr)
        let refused = try CLI.run(["init", "--configuration", "both", "--package-path", copy.packagePath.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--configuration both is for check and audit"), refused.stderr)
    }
}
