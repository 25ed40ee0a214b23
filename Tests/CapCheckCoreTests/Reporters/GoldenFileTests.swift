import CapCheckCore
import Foundation
import XCTest

/// Every format of the hand-made `GoldenReports` compared byte for byte with the expected output committed under
/// `Reporters/Golden/` (SwiftLint's canned reporter outputs are the model). To change an expected file on purpose,
/// run the tests with `CAPCHECK_RECORD_GOLDEN=1`, which writes every file anew (and fails, so that a recording is
/// never mistaken for a pass), then review the diff.
final class GoldenFileTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    private func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CAPCHECK_RECORD_GOLDEN"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("recorded \(name); run again without CAPCHECK_RECORD_GOLDEN", file: file, line: line)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard actual != expected else { return }
        let (actualLines, expectedLines) = (actual.components(separatedBy: "\n"), expected.components(separatedBy: "\n"))
        let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        XCTFail("""
            \(name) differs from the golden file at line \(first + 1):
              expected: \(first < expectedLines.count ? expectedLines[first] : "(end)")
              actual:   \(first < actualLines.count ? actualLines[first] : "(end)")
            """, file: file, line: line)
    }

    private func report(_ format: OutputFormat, _ mode: ReportMode, _ options: FormatOptions = FormatOptions()) throws -> String {
        try format.reportFormatter(options).format(mode == .check ? GoldenReports.check : GoldenReports.audit, mode: mode)
    }

    /// `check` in every format, text as a person sees it by default: paths relative to the app or inside a
    /// dependency, unanalysed entries counted per target and kind.
    func testCheckInEveryFormat() throws {
        for (format, ext) in [(OutputFormat.text, "txt"), (.json, "json"), (.sarif, "sarif"), (.markdown, "md"), (.html, "html"), (.dot, "dot")] {
            try assertGolden(try report(format, .check), "check.\(ext)")
        }
    }

    func testAuditInEveryFormat() throws {
        for (format, ext) in [(OutputFormat.text, "txt"), (.json, "json"), (.sarif, "sarif"), (.markdown, "md"), (.html, "html"), (.dot, "dot")] {
            try assertGolden(try report(format, .audit), "audit.\(ext)")
        }
    }

    /// `--verbose` lists every unanalysed entry; `--absolute-paths` shows every file as the report holds it.
    func testVerboseAndAbsolutePathOptions() throws {
        try assertGolden(try report(.text, .check, FormatOptions(verbose: true)), "check-verbose.txt")
        try assertGolden(try report(.text, .check, FormatOptions(absolutePaths: true)), "check-absolute.txt")
        try assertGolden(try report(.markdown, .check, FormatOptions(verbose: true, absolutePaths: true)), "check-verbose-absolute.md")
    }

    func testExplainInEveryFormat() throws {
        let text = try XCTUnwrap(OutputFormat.text.explanationFormatter())
        try assertGolden(try text.format(GoldenReports.explanations), "explain.txt")
        var nothing = GoldenReports.explanations
        (nothing.capability, nothing.explanations) = ("net", [])
        try assertGolden(try text.format(nothing), "explain-nothing.txt")
        try assertGolden(try XCTUnwrap(OutputFormat.json.explanationFormatter()).format(GoldenReports.explanations), "explain.json")
        for format in [OutputFormat.sarif, .markdown, .html, .dot] { XCTAssertNil(format.explanationFormatter(), format.rawValue) }
    }

    func testDiffInEveryFormat() throws {
        let text = try XCTUnwrap(OutputFormat.text.diffFormatter())
        try assertGolden(try text.format(GoldenReports.diff(granularity: .capability)), "diff.txt")
        try assertGolden(try text.format(GoldenReports.diff(granularity: .sink)), "diff-sink.txt")
        try assertGolden(try XCTUnwrap(OutputFormat.json.diffFormatter()).format(GoldenReports.diff(granularity: .sink)), "diff-sink.json")
        for format in [OutputFormat.sarif, .markdown, .html, .dot] { XCTAssertNil(format.diffFormatter(), format.rawValue) }
    }
}
