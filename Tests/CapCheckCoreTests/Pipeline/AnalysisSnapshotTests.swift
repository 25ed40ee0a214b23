@testable import CapCheckCore
import Foundation
import XCTest

/// A run whose inputs are those of the last run reads the last run's merged graph (`AnalysisSnapshot`) instead of
/// reading records, parsing and merging, and reports exactly the same. Touching a file keeps the snapshot; editing
/// code that is in no record (an inactive `#if` branch) does not.
final class AnalysisSnapshotTests: XCTestCase {
    private let fixture = "EscapeApp"
    private var source: URL { Fixtures.packagePath("Packages/inactive-payload/Sources/InactivePayload/InactivePayload.swift") }

    /// Analyses the fixture; also says whether the run read the records (false: it used the snapshot).
    private func analyse() throws -> (report: String, inactiveLines: Int?, readRecords: Bool) {
        var options = Analyzer.Options(mode: .check, packagePath: Fixtures.packagePath(fixture), scratchPath: Fixtures.scratchPath(fixture))
        options.skipBuild = true
        let analyzer = Analyzer(options: options)
        let report = try analyzer.run()
        return (try JSONFormatter().format(report, mode: .check), report.summary(of: "inactive-payload")?.inactiveLines,
                analyzer.timings.stages.contains { $0.name == "index records" })
    }

    private func rebuild() throws {
        try PackageBuilder(toolchain: Toolchain.locate(), packagePath: Fixtures.packagePath(fixture),
                           scratchPath: Fixtures.scratchPath(fixture)).build(includeTests: false, echoProgress: false)
    }

    private func recordNames() throws -> Set<String> {
        let toolchain = try Toolchain.locate()
        let store = try IndexStore(path: Fixtures.scratchPath(fixture).appendingPathComponent("debug/index/store").path,
                                   libraryPath: toolchain.library("libIndexStore.so", override: "CAPCHECK_LIBINDEXSTORE"))
        return Set(try IndexStoreLoader(store: store).currentUnits().flatMap { $0.records.map(\.name) })
    }

    func testTheSecondRunReadsTheSnapshotAndReportsTheSame() throws {
        try Fixtures.build(fixture)
        Fixtures.forgetSnapshot(fixture)
        let first = try analyse()
        XCTAssertTrue(first.readRecords)
        XCTAssertTrue(FileManager.default.fileExists(atPath: AnalysisSnapshot.file(in: Fixtures.scratchPath(fixture)).url.path))
        let second = try analyse()
        XCTAssertFalse(second.readRecords, "nothing changed: the snapshot is used")
        XCTAssertEqual(second.report, first.report)

        // A snapshot that cannot be read is not used.
        try Data("garbage".utf8).write(to: AnalysisSnapshot.file(in: Fixtures.scratchPath(fixture)).url)
        let third = try analyse()
        XCTAssertTrue(third.readRecords)
        XCTAssertEqual(third.report, first.report)
    }

    func testTouchKeepsTheSnapshotAndAnEditToInactiveCodeDoesNot() throws {
        try Fixtures.build(fixture)
        let original = try Data(contentsOf: source)
        let baseline = try analyse()
        let records = try recordNames()

        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: source.path)
        try rebuild()
        let touched = try analyse()
        XCTAssertFalse(touched.readRecords, "a touched file has the same content: the snapshot is used")
        XCTAssertEqual(touched.report, baseline.report)

        defer {
            try? original.write(to: source)
            try? rebuild()
        }
        // Code in a branch the build never compiles is in no record: only the file's content says it changed.
        let hidden = "\n#if os(Windows)\nfunc hiddenRead() -> Data? { FileManager.default.contents(atPath: \"/etc/passwd\") }\n#endif\n"
        try (original + Data(hidden.utf8)).write(to: source)
        try rebuild()
        XCTAssertEqual(try recordNames(), records, "the edit is invisible to the index")
        let edited = try analyse()
        XCTAssertTrue(edited.readRecords, "the edited source changes the snapshot's key")
        XCTAssertEqual(edited.inactiveLines, (baseline.inactiveLines ?? 0) + 1, "the new branch is counted")
        XCTAssertNotEqual(edited.report, baseline.report)
    }
}
