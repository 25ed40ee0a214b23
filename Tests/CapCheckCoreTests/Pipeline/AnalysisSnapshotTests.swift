@testable import CapCheckCore
import Foundation
import XCTest

/// A run whose inputs are those of the last run reads the last run's merged graph (`AnalysisSnapshot`) instead of
/// reading records, parsing and merging, and reports exactly the same. Touching a file keeps the snapshot; editing
/// code that is in no record (an inactive `#if` branch) does not.
final class AnalysisSnapshotTests: XCTestCase {
    private let fixture = "EscapeApp"

    /// Analyses the fixture at `package` (the shared build, or a copy's); also says whether the run read the records
    /// (false: it used the snapshot).
    private func analyse(_ package: URL, scratch: URL) throws -> (report: String, inactiveLines: Int?, readRecords: Bool) {
        var options = Analyzer.Options(mode: .check, packagePath: package, scratchPath: scratch)
        options.skipBuild = true
        let analyzer = Analyzer(options: options)
        let report = try analyzer.run()
        return (try JSONFormatter().format(report, mode: .check), report.summary(of: "inactive-payload")?.inactiveLines,
                analyzer.timings.stages.contains { $0.name == "index records" })
    }

    private func recordNames(scratch: URL) throws -> Set<String> {
        let toolchain = try Toolchain.locate()
        let store = try IndexStore(path: scratch.appendingPathComponent("debug/index/store").path,
                                   libraryPath: toolchain.library("libIndexStore.so", override: "CAPCHECK_LIBINDEXSTORE"))
        return Set(try IndexStoreLoader(store: store).currentUnits().flatMap { $0.records.map(\.name) })
    }

    func testTheSecondRunReadsTheSnapshotAndReportsTheSame() throws {
        try Fixtures.build(fixture)
        Fixtures.forgetSnapshot(fixture)
        let (package, scratch) = (Fixtures.packagePath(fixture), Fixtures.scratchPath(fixture))
        let first = try analyse(package, scratch: scratch)
        XCTAssertTrue(first.readRecords)
        XCTAssertTrue(FileManager.default.fileExists(atPath: AnalysisSnapshot.file(in: scratch).url.path))
        let second = try analyse(package, scratch: scratch)
        XCTAssertFalse(second.readRecords, "nothing changed: the snapshot is used")
        XCTAssertEqual(second.report, first.report)

        // A snapshot that cannot be read is not used (nor is the report kept from it, which would stand in for it).
        try Data("garbage".utf8).write(to: AnalysisSnapshot.file(in: scratch).url)
        try FileManager.default.removeItem(at: ScratchLayout(scratch: scratch).report(configuration: "debug"))
        let third = try analyse(package, scratch: scratch)
        XCTAssertTrue(third.readRecords)
        XCTAssertEqual(third.report, first.report)
    }

    /// A run that asks what the last one asked, of the same inputs, prints the last report: it reads neither the
    /// records nor the snapshot, nor searches the graph. Another policy, or another question, is answered afresh.
    func testTheSameQuestionOfTheSameInputsReusesTheReport() throws {
        let copy = try Fixtures.copy(fixture, for: self)
        try copy.build()
        func run(_ mode: Analyzer.Mode, values: Bool = false) throws -> (report: String, stages: [String]) {
            var options = Analyzer.Options(mode: mode, packagePath: copy.packagePath, scratchPath: copy.scratchPath)
            options.skipBuild = true
            options.collectValues = values
            let analyzer = Analyzer(options: options)
            let report = try analyzer.run()
            return (try JSONFormatter().format(report, mode: mode == .audit ? .audit : .check), analyzer.timings.stages.map(\.name))
        }
        let first = try run(.check)
        XCTAssertTrue(first.stages.contains("index records"), "\(first.stages)")
        let again = try run(.check)
        XCTAssertEqual(again.report, first.report)
        for stage in ["index records", "snapshot", "check"] { XCTAssertFalse(again.stages.contains(stage), "\(again.stages)") }

        // Other questions of the same inputs: the snapshot is used, the checker runs.
        let audit = try run(.audit)
        XCTAssertTrue(audit.stages.contains("check") && !audit.stages.contains("index records"), "\(audit.stages)")
        XCTAssertEqual(try run(.audit).report, audit.report)
        XCTAssertFalse(try run(.audit).stages.contains("check"))
        XCTAssertTrue(try run(.audit, values: true).stages.contains("check"))

        // A changed policy is a new question, even with the same path.
        let policy = copy.packagePath.appendingPathComponent("capabilities.json")
        let original = try String(contentsOf: policy, encoding: .utf8)
        try original.replacingOccurrences(of: "{", with: "{ ").write(to: policy, atomically: true, encoding: .utf8)
        XCTAssertTrue(try run(.check).stages.contains("check"), "a policy edit is answered afresh")
        XCTAssertEqual(try run(.check).report, first.report)
        try original.replacingOccurrences(of: "\"deny\"", with: "\"inherit\"").write(to: policy, atomically: true, encoding: .utf8)
        let emptied = try run(.check)
        XCTAssertTrue(emptied.stages.contains("check"))
        XCTAssertNotEqual(emptied.report, first.report)

        // A damaged report is not used.
        let file = ScratchLayout(scratch: copy.scratchPath).report(configuration: "debug")
        var bytes = try [UInt8](Data(contentsOf: file))
        bytes[bytes.count - 3] ^= 0x01
        try Data(bytes).write(to: file)
        let afterDamage = try run(.check)
        XCTAssertTrue(afterDamage.stages.contains("check"))
        XCTAssertEqual(afterDamage.report, emptied.report)
    }

    /// On a copy of EscapeApp and its dependencies (`Fixtures.copy`), which the test touches and edits.
    func testTouchKeepsTheSnapshotAndAnEditToInactiveCodeDoesNot() throws {
        let copy = try Fixtures.copy(fixture, for: self)
        let analyse = { try self.analyse(copy.packagePath, scratch: copy.scratchPath) }
        let source = copy.path("Packages/inactive-payload/Sources/InactivePayload/InactivePayload.swift")
        try copy.build()
        let original = try Data(contentsOf: source)
        let baseline = try analyse()
        let records = try recordNames(scratch: copy.scratchPath)

        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: source.path)
        try copy.build()
        let touched = try analyse()
        XCTAssertFalse(touched.readRecords, "a touched file has the same content: the snapshot is used")
        XCTAssertEqual(touched.report, baseline.report)

        // Code in a branch the build never compiles is in no record: only the file's content says it changed.
        let hidden = "\n#if os(Windows)\nfunc hiddenRead() -> Data? { FileManager.default.contents(atPath: \"/etc/passwd\") }\n#endif\n"
        try (original + Data(hidden.utf8)).write(to: source)
        try copy.build()
        XCTAssertEqual(try recordNames(scratch: copy.scratchPath), records, "the edit is invisible to the index")
        let edited = try analyse()
        XCTAssertTrue(edited.readRecords, "the edited source changes the snapshot's key")
        XCTAssertEqual(edited.inactiveLines, (baseline.inactiveLines ?? 0) + 1, "the new branch is counted")
        XCTAssertNotEqual(edited.report, baseline.report)
    }
}
