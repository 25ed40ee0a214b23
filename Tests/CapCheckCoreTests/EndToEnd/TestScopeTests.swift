@testable import CapCheckCore
import Foundation
import XCTest

/// `Fixtures/TestScopeApp` (issue 14): a grant with `"from": "test"` applies only on paths that start in a test target.
/// snapshot-kit writes snapshots from the root's tests (covered) and lists them from its production code (a violation
/// that says the grant is test-only).
final class TestScopeTests: XCTestCase {
    private struct Report: Decodable {
        struct Violation: Decodable { let package, capability, sink: String; let note: String? }
        struct Unused: Decodable { let package, capability: String }
        let violations: [Violation]
        let unusedGrants: [Unused]
    }

    private func check(_ copy: FixtureCopy, _ extra: [String]) throws -> (status: Int32, report: Report) {
        let outcome = try CLI.run(["check", "--package-path", copy.packagePath.path, "--scratch-path", copy.scratchPath.path,
                                   "--format", "json", "--quiet"] + extra)
        XCTAssertNotEqual(outcome.status, 2, outcome.stderr)
        return (outcome.status, try JSONDecoder().decode(Report.self, from: Data(outcome.stdout.utf8)))
    }

    func testATestScopedGrantCoversTestPathsOnlyAndSaysSoElsewhere() throws {
        let copy = try Fixtures.copy("TestScopeApp", for: self)
        let withTests = try check(copy, ["--include-tests"])
        XCTAssertEqual(withTests.status, 1)
        XCTAssertEqual(withTests.report.violations.map { "\($0.package) \($0.capability) \($0.sink)" },
                       ["snapshot-kit fs Foundation.FileManager.contentsOfDirectory(atPath:)"],
                       "the tests' createFile is covered; production's contentsOfDirectory is not")
        let note = try XCTUnwrap(withTests.report.violations.first?.note)
        XCTAssertTrue(note.contains("\"from\": \"test\"") && note.contains("starts in production code"), note)
        XCTAssertEqual(withTests.report.unusedGrants.count, 0)

        // Without the tests the same production path fails, and the test-only grant is not reported as unused.
        let withoutTests = try check(copy, ["--skip-build"])
        XCTAssertEqual(withoutTests.report.violations.map(\.sink), ["Foundation.FileManager.contentsOfDirectory(atPath:)"])
        XCTAssertEqual(withoutTests.report.unusedGrants.count, 0)

        // A plain grant covers both.
        try #"{ "version": 1, "packages": { "snapshot-kit": { "allow": ["fs"] } } }"#
            .write(to: copy.packagePath.appendingPathComponent("capabilities.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try check(copy, ["--include-tests", "--skip-build"]).report.violations.count, 0)
    }

    /// `init --include-tests` on a copy of the fixture whose production source is `source`: the grant it drafts for
    /// snapshot-kit, and the options to run capcheck on the copy.
    private func initDraft(productionSource source: String) throws -> (kit: [String: Any], options: [String]) {
        let copy = try Fixtures.copy("TestScopeApp", for: self)
        let sources = copy.packagePath.appendingPathComponent("Sources")
        let file = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.first { $0.hasSuffix(".swift") })
        try source.write(to: sources.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let policy = copy.packagePath.appendingPathComponent("capabilities.json")
        try FileManager.default.removeItem(at: policy)
        let options = ["--package-path", copy.packagePath.path, "--scratch-path", copy.scratchPath.path, "--quiet", "--include-tests"]
        let written = try CLI.run(["init"] + options)
        XCTAssertEqual(written.status, 0, written.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: policy)) as? [String: Any])
        return (try XCTUnwrap((json["packages"] as? [String: [String: Any]])?["snapshot-kit"]), options)
    }

    /// `init --include-tests` scopes a grant only the root's tests need with `"from": "test"`: production code reaching the
    /// package gets nothing from it (the fourteenth sweep: a test helper's `fs` was granted to production paths too, and a
    /// one-line change to the helper's production function then passed).
    func testInitScopesAGrantOnlyTestsNeed() throws {
        let (kit, options) = try initDraft(productionSource: "import SnapshotKit\n\npublic func snapshotSummary() -> String { \"snapshots\" }\n")
        XCTAssertEqual(kit["from"] as? String, "test")
        XCTAssertEqual(kit["allow"] as? [String], ["fs"])
        XCTAssertEqual(try CLI.run(["check", "--strict", "--skip-build"] + options).status, 0)
    }

    /// The twenty-first sweep's: when production code needs the package too (`env`) and only tests need more (`fs`), one
    /// grant per package cannot scope the more: `init` says so in the grant's reason instead of granting it silently.
    func testInitSaysWhatOnlyTestsNeedWhenProductionNeedsThePackageToo() throws {
        let (kit, _) = try initDraft(productionSource: "import SnapshotKit\n\npublic func snapshotSummary() -> String { Snapshots.mode() ?? \"snapshots\" }\n")
        XCTAssertNil(kit["from"])
        XCTAssertTrue((kit["reason"] as? String)?.contains("REVIEW: fs is needed only by the root's tests") == true, "\(kit)")
    }

    func testFromTakesTestOrBuild() throws {
        let message = policyErrorMessage {
            _ = try PolicyLoader.parse(Data(#"{ "version": 1, "packages": { "a": { "allow": ["fs"], "from": "tests" } } }"#.utf8), file: "p.json")
        }
        XCTAssertTrue(message.contains("p.json:1:") && message.contains(#""from" must be "test""#) && message.contains(#"or "build""#), message)
        let policy = try PolicyLoader.parse(Data(#"{ "version": 1, "packages": { "a": { "allow": ["build"], "from": "build" } } }"#.utf8), file: "p.json")
        XCTAssertEqual(policy.packages["a"]?.from, .build)
    }
}
