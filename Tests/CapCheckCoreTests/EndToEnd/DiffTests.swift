import CapCheckCore
import Foundation
import XCTest

/// `capcheck diff`: a dependency update that adds a socket call is an alarm (exit 1), shown per package.
final class DiffTests: XCTestCase {
    /// Assembles `compressor` (tags 1.0.0 and 1.1.0) and `app` (Package.resolved committed at 1.0.0,
    /// updated to 1.1.0 in the working tree) as git repositories in a temporary directory.
    private func assembleRepositories() throws -> (app: URL, scratch: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-diff-\(UUID().uuidString)")
        let fixtures = Fixtures.repositoryRoot.appendingPathComponent("Fixtures/Diff")
        let compressor = root.appendingPathComponent("compressor")
        let app = root.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }

        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("compressor-1.0.0"), to: compressor)
        try git(compressor, "init", "-q")
        try git(compressor, "add", "-A")
        try git(compressor, "commit", "-qm", "1.0.0")
        try git(compressor, "tag", "1.0.0")
        let next = fixtures.appendingPathComponent("compressor-1.1.0/Sources/Compressor/Compressor.swift")
        let current = compressor.appendingPathComponent("Sources/Compressor/Compressor.swift")
        try FileManager.default.removeItem(at: current)
        try FileManager.default.copyItem(at: next, to: current)
        try git(compressor, "commit", "-qam", "1.1.0")
        try git(compressor, "tag", "1.1.0")
        try git(compressor, "checkout", "-q", "1.0.0")  // the mirror is a plain repository: SwiftPM clones the tags

        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("app"), to: app)
        let template = app.appendingPathComponent("Package.swift.template")
        let manifest = try String(contentsOf: template, encoding: .utf8).replacingOccurrences(of: "@COMPRESSOR_URL@", with: compressor.absoluteString)
        try manifest.write(to: app.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: template)
        let scratch = root.appendingPathComponent("app-scratch")
        try swiftPackage(app, scratch, "resolve")
        try pin(app, scratch, version: "1.0.0")
        try git(app, "init", "-q")
        try git(app, "add", "-A")
        try git(app, "add", "-f", "Package.resolved")
        try git(app, "commit", "-qm", "app pinned at compressor 1.0.0")
        try pin(app, scratch, version: "1.1.0")
        return (app, scratch)
    }

    private func pin(_ app: URL, _ scratch: URL, version: String) throws {
        try swiftPackage(app, scratch, "resolve", "compressor", "--version", version)
        let resolved = try String(contentsOf: app.appendingPathComponent("Package.resolved"), encoding: .utf8)
        XCTAssertTrue(resolved.contains("\"\(version)\""), resolved)
    }

    private func git(_ directory: URL, _ arguments: String...) throws {
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                           ["git", "-C", directory.path, "-c", "user.name=capcheck", "-c", "user.email=capcheck@example.invalid"] + arguments)
        guard result.status == 0 else { throw CapCheckError(.io, "git \(arguments): \(result.stderr)") }
    }

    private func swiftPackage(_ package: URL, _ scratch: URL, _ arguments: String...) throws {
        let result = try ProcessRunner.run(try Toolchain.locate().swiftExecutable,
                                           ["package", "--package-path", package.path, "--scratch-path", scratch.path] + arguments)
        guard result.status == 0 else { throw CapCheckError(.io, "swift package \(arguments): \(result.stderr)") }
    }

    func testUpdateThatAddsASocketIsAnAlarm() throws {
        let (app, scratch) = try assembleRepositories()
        let outcome = try CLI.run(["diff", "--base", "HEAD", "--package-path", app.path, "--scratch-path", scratch.path, "--quiet"])
        XCTAssertEqual(outcome.status, 1, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("compressor 1.0.0 → 1.1.0"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("+ reaches net"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("Compressor.phoneHome()"), "the example path shows the new code: \(outcome.stdout)")
        XCTAssertTrue(outcome.stdout.contains("error: compressor newly reaches net"), outcome.stdout)

        let json = try CLI.run(["diff", "--base", "HEAD", "--package-path", app.path, "--scratch-path", scratch.path,
                                "--quiet", "--skip-build", "--format", "json", "--granularity", "sink"])
        XCTAssertEqual(json.status, 1, json.stderr)
        let diff = try JSONDecoder().decode(ReportDiff.self, from: Data(json.stdout.utf8))
        let change = try XCTUnwrap(diff.packages.first { $0.identity == "compressor" })
        XCTAssertEqual(change.newlyReached, ["net"])
        XCTAssertEqual(change.newSinks["net"], ["socket"])
        XCTAssertEqual(change.oldVersion, "1.0.0")
        XCTAssertEqual(change.newVersion, "1.1.0")
    }

    func testComparingTwoReportsAtCapabilityLevelIgnoresSinkSwaps() throws {
        let report = try Fixtures.analyse("DemoApp", usePolicy: false)
        XCTAssertEqual(ReportDiff.compare(old: report, new: report, granularity: .sink).packages, [])

        var old = report
        let index = try XCTUnwrap(old.packages.firstIndex { $0.identity == "c-socket" })
        old.packages[index].reached.removeAll { $0 == "net" }
        old.packages[index].reachedSinks["net"] = nil
        let diff = ReportDiff.compare(old: old, new: report, granularity: .capability)
        XCTAssertEqual(diff.packages.map(\.identity), ["c-socket"])
        XCTAssertEqual(diff.alarms, ["c-socket newly reaches net"])

        // Same capability, different sink: no change at capability level, a change at sink level.
        var swapped = report
        swapped.packages[index].reachedSinks["net"] = ["connect"]
        XCTAssertEqual(ReportDiff.compare(old: swapped, new: report, granularity: .capability).packages, [])
        let sinkLevel = ReportDiff.compare(old: swapped, new: report, granularity: .sink)
        XCTAssertEqual(sinkLevel.packages.first?.newSinks["net"], ["socket"])
        XCTAssertEqual(sinkLevel.packages.first?.removedSinks["net"], ["connect"])
        XCTAssertEqual(sinkLevel.alarms, ["c-socket newly reaches net through socket"])
    }

    func testAnUpdateThatBringsCodeCapcheckCannotReadIsAnAlarm() throws {
        // A dependency update that links a library from the system, or adds unsafe flags, gains code nothing analyses.
        let report = try Fixtures.analyse("DemoApp", usePolicy: false)
        var new = report
        new.unanalyzed.append(Unanalyzed(package: "c-socket", reason: "target Sock links the library evil from the system",
                                         kind: .linkedLibrary, target: "Sock"))
        new.unanalyzed.append(Unanalyzed(package: "c-socket", reason: "inactive", kind: .inactiveCode, capability: "net"))
        let diff = ReportDiff.compare(old: report, new: new, granularity: .capability)
        XCTAssertEqual(diff.packages.first?.newUnanalysed, ["inactiveCode:net", "linkedLibrary"])
        XCTAssertEqual(diff.alarms, ["c-socket gains code capcheck does not analyse: inactiveCode:net, linkedLibrary"])
        XCTAssertEqual(ReportDiff.compare(old: new, new: report, granularity: .capability).alarms, [], "losing it is no alarm")
    }

    func testDiffOfTwoReportFilesThroughTheCLI() throws {
        try Fixtures.build("DemoApp")
        let demo = ["--package-path", Fixtures.packagePath("DemoApp").path, "--scratch-path", Fixtures.scratchPath("DemoApp").path,
                    "--skip-build", "--quiet"]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-report-\(UUID().uuidString).json").path
        XCTAssertEqual(try CLI.run(["audit", "--format", "json", "--output", file] + demo).status, 0)
        let same = try CLI.run(["diff", file, file])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(same.stdout.contains("no changes"), same.stdout)
        let sarif = try CLI.run(["diff", file, file, "--format", "sarif"])
        XCTAssertEqual(sarif.status, 2)
        XCTAssertTrue(sarif.stderr.contains("diff writes --format text or json, not sarif"), sarif.stderr)
        let bad = try CLI.run(["diff", file, "/nonexistent.json"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("/nonexistent.json"), bad.stderr)
    }
}
