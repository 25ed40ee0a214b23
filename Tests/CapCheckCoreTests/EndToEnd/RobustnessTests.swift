import CapCheckCore
import Foundation
import XCTest

/// Bad input a robustness sweep found mishandled: each is now exit 2 with a message that says what to do, never a
/// crash, a silent pass or a write the user did not ask for.
final class RobustnessTests: XCTestCase {
    private var demo: [String] {
        ["--package-path", Fixtures.packagePath("DemoApp").path, "--scratch-path", Fixtures.scratchPath("DemoApp").path,
         "--skip-build", "--quiet"]
    }

    override func setUpWithError() throws { try Fixtures.build("DemoApp") }

    private func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-robust-\(UUID().uuidString)-\(name)")
    }

    /// A report that cannot be written (`> /dev/full`) was a Swift trap (exit 132).
    func testAnUnwritableStandardOutputIsAToolError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["check"] + demo
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2, message)
        XCTAssertTrue(message.contains("cannot write the report to standard output"), message)
    }

    /// `--base=--output=<file>` was handed to `git show` as an option, which wrote files.
    func testABaseRefThatLooksLikeAnOptionIsRefused() throws {
        let written = temporary("written")
        let outcome = try CLI.run(["diff", "--base=--output=\(written.path)"] + demo)
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("--base takes a git ref"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: written.path + ":Package.resolved"))
    }

    /// Another schema's report, or one listing a package twice (which hid what its second entry reached), is not
    /// compared.
    func testDiffRefusesReportsItCannotReadFaithfully() throws {
        let report = temporary("report.json")
        let written = try CLI.run(["audit", "--format", "json", "--output", report.path] + demo)
        XCTAssertEqual(written.status, 0, written.stderr)
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let packages = try XCTUnwrap(json["packages"] as? [Any])
        json["packages"] = packages + [packages[0]]
        let twice = temporary("twice.json")
        try JSONSerialization.data(withJSONObject: json).write(to: twice)
        json["packages"] = packages
        json["schemaVersion"] = 99
        let future = temporary("future.json")
        try JSONSerialization.data(withJSONObject: json).write(to: future)
        for (file, expected) in [(twice, "twice"), (future, "schemaVersion is 99")] {
            let outcome = try CLI.run(["diff", report.path, file.path])
            XCTAssertEqual(outcome.status, 2, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains(expected), outcome.stderr)
        }
    }

    /// `init --force` keeps the existing policy's user capabilities: a policy that does not parse was dropped silently.
    func testInitForceOnAPolicyThatDoesNotParseSaysWhere() throws {
        let policy = temporary("policy.json")
        try Data(#"{"version": 1, "packages": {},}"#.utf8).write(to: policy)
        let outcome = try CLI.run(["init", "--force", "--policy", policy.path] + demo)
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("trailing comma") && outcome.stderr.contains("--force keeps the user capabilities"), outcome.stderr)
    }

    /// A record deleted since the last run was answered from the kept report ("no input changed").
    func testARecordDeletedSinceTheLastRunIsNotAnsweredFromTheKeptReport() throws {
        _ = try CLI.run(["check"] + demo)
        let records = Fixtures.scratchPath("DemoApp").appendingPathComponent("x86_64-unknown-linux-gnu/debug/index/store/v5/records")
        // The record of a dependency's Swift file, which the graph is built from.
        let all = try FileManager.default.subpathsOfDirectory(atPath: records.path).sorted()
        let record = records.appendingPathComponent(try XCTUnwrap(all.first { ($0 as NSString).lastPathComponent.hasPrefix("WitnessFS.swift-") }))
        let kept = temporary("record")
        try FileManager.default.moveItem(at: record, to: kept)
        defer { try? FileManager.default.moveItem(at: kept, to: record) }
        let outcome = try CLI.run(["check"] + demo)
        XCTAssertEqual(outcome.status, 2, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("cannot read index record"), outcome.stderr)
    }
}
