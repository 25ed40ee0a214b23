import CapCheckCore
import Foundation
import XCTest

/// The `capcheck` executable end to end: exit codes (0 clean, 1 violations, 2 errors), formats, and
/// a clear message for every kind of bad input.
final class CLITests: XCTestCase {
    private var demo: [String] {
        ["--package-path", Fixtures.packagePath("DemoApp").path, "--scratch-path", Fixtures.scratchPath("DemoApp").path,
         "--skip-build", "--quiet"]
    }

    override func setUpWithError() throws { try Fixtures.build("DemoApp") }

    private func writePolicy(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-cli-\(UUID().uuidString).json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testCheckWithViolationsExitsOneAndPrintsWitnessPaths() throws {
        let outcome = try CLI.run(["check"] + demo)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("witness-fs"))
        XCTAssertTrue(outcome.stdout.contains("\n    Sources/DemoApp/main.swift:14:12: WitnessFS.Sink.write(_:) (witness-fs)\n"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("capcheck: 9 violations in 8 packages"))
        XCTAssertEqual(outcome.stderr, "", "--quiet keeps stderr clean")
    }

    func testAbsolutePathsFlagShowsFilesAsTheReportHoldsThem() throws {
        let outcome = try CLI.run(["check", "--absolute-paths"] + demo)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        let main = Fixtures.packagePath("DemoApp").appendingPathComponent("Sources/DemoApp/main.swift").path
        XCTAssertTrue(outcome.stdout.contains("\n    \(main):14:12: WitnessFS.Sink.write(_:) (witness-fs)\n"), outcome.stdout)
        let markdown = try CLI.run(["check", "--format", "markdown", "--absolute-paths"] + demo)
        XCTAssertTrue(markdown.stdout.contains("\n\(main):14:12: WitnessFS.Sink.write(_:) (witness-fs)\n"), markdown.stdout)
    }

    func testCheckIsTheDefaultSubcommand() throws {
        XCTAssertEqual(try CLI.run(demo).status, 1)
    }

    func testCleanPolicyExitsZero() throws {
        let policy = try writePolicy(Fixtures.demoPolicyGrantingAll)
        let outcome = try CLI.run(["check", "--policy", policy] + demo)
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("no violations"))
    }

    func testJSONReportKeepsThePublicFieldNames() throws {
        let outcome = try CLI.run(["check", "--format", "json"] + demo)
        XCTAssertEqual(outcome.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["schemaVersion"] as? Int, 1)
        XCTAssertEqual(object["root"] as? String, "demoapp")
        let violations = try XCTUnwrap(object["violations"] as? [[String: Any]])
        XCTAssertEqual(violations.count, 9)
        for key in ["package", "capability", "sink", "path"] { XCTAssertNotNil(violations[0][key], key) }
        let hop = try XCTUnwrap((violations[0]["path"] as? [[String: Any]])?.first)
        for key in ["symbol", "package", "module", "file", "line", "column"] { XCTAssertNotNil(hop[key], key) }
        let packages = try XCTUnwrap(object["packages"] as? [[String: Any]])
        for key in ["identity", "granted", "reached", "latent"] { XCTAssertNotNil(packages[0][key], key) }
        XCTAssertNotNil(object["unanalyzed"] as? [Any])
    }

    func testAuditExitsZeroAndWritesToOutputFile() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-audit-\(UUID().uuidString).txt").path
        let outcome = try CLI.run(["audit", "--output", output] + demo)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(text.contains("latent fs"))
        XCTAssertTrue(text.contains("reached net"))
    }

    // MARK: Bad input: exit 2 with an actionable message.

    func testMalformedPolicySaysWhere() throws {
        let policy = try writePolicy("{\n  \"version\": 1,\n  \"packages\": { \"granted-fs\": { \"allow\": [\"fs\",] } }\n}")
        let outcome = try CLI.run(["check", "--policy", policy] + demo)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("\(policy):3:"), outcome.stderr)
    }

    func testUnknownCapabilityIsRejected() throws {
        let policy = try writePolicy(#"{ "version": 1, "packages": { "granted-fs": { "allow": ["filesystem"] } } }"#)
        let outcome = try CLI.run(["check", "--policy", policy] + demo)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("filesystem"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains(":1:"), outcome.stderr)
    }

    func testUnknownPackageSuggestsTheNearest() throws {
        let policy = try writePolicy(#"{ "version": 1, "packages": { "granted-f": { "allow": ["fs"] } } }"#)
        let outcome = try CLI.run(["check", "--policy", policy] + demo)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("granted-fs"), outcome.stderr)
    }

    func testNestedGrantWiderThanItsParentIsRejected() throws {
        let policy = try writePolicy("""
        { "version": 1, "packages": { "nested-parent": { "allow": ["fs"],
            "packages": { "nested-child": { "allow": ["fs", "net"] } } } } }
        """)
        let outcome = try CLI.run(["check", "--policy", policy] + demo)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nested-child") && outcome.stderr.contains("net"), outcome.stderr)
    }

    func testMissingIndexStoreSaysHowToGetOne() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-empty-\(UUID().uuidString)").path
        let outcome = try CLI.run(["audit", "--package-path", Fixtures.packagePath("DemoApp").path,
                                   "--scratch-path", empty, "--skip-build", "--quiet"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("no index store"), outcome.stderr)
    }

    func testLibIndexStoreNotFoundSaysHowToPointAtIt() throws {
        let outcome = try CLI.run(["audit"] + demo, environment: ["CAPCHECK_LIBINDEXSTORE": "/nonexistent/libIndexStore.so"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("CAPCHECK_LIBINDEXSTORE"), outcome.stderr)
    }

    func testMissingPolicyIsAnError() throws {
        let outcome = try CLI.run(["check", "--policy", "/nonexistent/capabilities.json"] + demo)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("/nonexistent/capabilities.json"), outcome.stderr)
    }

    func testFailingBuildIsSummarised() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-broken-\(UUID().uuidString)").path
        let outcome = try CLI.run(["audit", "--package-path", Fixtures.packagePath("BrokenBuild").path,
                                   "--scratch-path", scratch, "--quiet"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("build"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("main.swift:2:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("cannot convert value of type 'String'"), outcome.stderr)
    }

    func testUnknownOptionIsAUsageError() throws {
        let outcome = try CLI.run(["check", "--no-such-option"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("--no-such-option"), outcome.stderr)
    }

    func testMissingDemanglerIsAnErrorNotASilentPass() throws {
        let outcome = try CLI.run(["check"] + demo, environment: ["CAPCHECK_LIBSWIFTDEMANGLE": "/nonexistent/libswiftDemangle.so"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("CAPCHECK_LIBSWIFTDEMANGLE"), outcome.stderr)
    }

    func testNotAPackageIsAUsageError() throws {
        let outcome = try CLI.run(["check", "--package-path", FileManager.default.temporaryDirectory.path, "--quiet"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("no Package.swift"), outcome.stderr)
    }
}
