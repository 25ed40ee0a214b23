@testable import CapCheckCore
import XCTest

/// What a dependency chooses (its file names, its identity, the text of its values) cannot forge or hide a line of a
/// report (the thirteenth sweep): a C file named with terminal escapes erased a check's violations from the screen, a
/// file name and a URL ran script in the HTML report, and an identity with pipes added a "granted" cell to the Markdown
/// table.
final class HostileNamesTests: XCTestCase {
    private static let erase = "x\u{1B}[H\u{1B}[2J\u{1B}[3Jcapcheck: no violations in 2 packages\u{1B}[8m.c"
    private static let identity = "x` | ✓ reached, granted |"

    private func report() -> AnalysisReport {
        var report = GoldenReports.check
        let folder = "/home/dev/app/.build/checkouts/evil"
        let path = [
            GoldenReports.hop("top-level code (main.swift)", "app", GoldenReports.main, 3, 1),
            GoldenReports.hop("evil_read", Self.identity, "\(folder)/Sources/CEvil/\(Self.erase)", 3, 30),
            GoldenReports.hop("open", "toolchain", "\(folder)/Sources/CEvil/a```b\u{202E}.c", 4, 12),
        ]
        let value = SinkValue(kind: "unknown", note: "`<svg onload=document.body.id=777>?x` is parsed as a URL",
                              file: "\(folder)/Sources/Evil/<img src=x onerror=alert(1)>.swift", line: 6)
        report.violations.append(Violation(package: Self.identity, capability: "fs", sink: "open", path: path, values: [value]))
        report.violations.append(Violation(package: Self.identity, capability: "env", sink: "getenv", path: path,
                                           note: "its grant (lib\u{202E}**[approved](https:evil.example)**, line 5) applies only to test paths"))
        report.packages.append(GoldenReports.package(Self.identity, folder, version: "1.0.0", granted: [], reached: ["fs": path],
                                                     sinks: ["fs": ["open"]]))
        return report
    }

    func testTheTextReportEscapesControlAndBidiCharacters() throws {
        for colorize in [false, true] {
            let text = try TextFormatter(colorize: colorize).format(report(), mode: .check)
            let escapes = text.components(separatedBy: "\u{1B}").count - 1
            XCTAssertEqual(escapes, colorize ? 2 * text.components(separatedBy: "\u{1B}[0m").dropFirst().count : 0,
                           "only capcheck's own colour codes: \(text)")
            XCTAssertTrue(text.contains("\\u{1B}[H\\u{1B}[2J"), text)
            XCTAssertFalse(text.unicodeScalars.contains("\u{202E}"), "a right-to-left override would reorder the line")
            XCTAssertTrue(text.contains("fs through open"), text)
        }
        let explained = try ExplanationTextFormatter().format(ExplanationList(
            package: Self.identity, capability: "fs", root: "app",
            explanations: [Explanation(package: Self.identity, capability: "fs", sink: "open", path: report().violations.last!.path)],
            folders: report().folders))
        XCTAssertFalse(explained.contains("\u{1B}"), explained)
    }

    /// The sixteenth sweep: a violation's note (it names the grant's key) and the DOT graph's labels are escaped too.
    func testNotesAndDOTLabelsAreEscaped() throws {
        let text = try TextFormatter().format(report(), mode: .check)
        XCTAssertFalse(text.unicodeScalars.contains("\u{202E}"), text)
        let markdown = try MarkdownFormatter().format(report(), mode: .check)
        XCTAssertFalse(markdown.contains("[approved](https:evil.example)"), "a live link in the note: \(markdown)")
        let dot = try DOTFormatter().format(report(), mode: .check)
        XCTAssertFalse(dot.contains("\u{1B}") || dot.unicodeScalars.contains("\u{202E}"), dot)
    }

    func testTheHTMLReportRunsNothingAPackageNamed() throws {
        let html = try HTMLFormatter().format(report(), mode: .check)
        for raw in ["<svg", "<img", "\u{1B}"] { XCTAssertFalse(html.contains(raw), "\(raw) in \(html)") }
        XCTAssertTrue(html.contains("&lt;svg onload=document.body.id=777&gt;"), html)
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;.swift:6"), html)
    }

    func testTheMarkdownReportKeepsItsTableAndCodeBlocks() throws {
        let markdown = try MarkdownFormatter().format(report(), mode: .check)
        let header = try XCTUnwrap(markdown.split(separator: "\n").first { $0.hasPrefix("| package |") })
        let row = try XCTUnwrap(markdown.split(separator: "\n").first { $0.contains("reached, granted |") == false && $0.contains("1.0.0") })
        func cells(_ line: Substring) -> Int { line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false).count }
        XCTAssertEqual(cells(row), cells(header), "the identity adds no cell: \(row)")
        XCTAssertTrue(row.contains("✗ reached, not granted"), String(row))
        // A hop's file with three backticks is inside a block fenced by four.
        XCTAssertTrue(markdown.contains("````text\n"), markdown)
        // Markup a renderer would read is escaped with a backslash (`\<svg` renders as the text `<svg`).
        for raw in ["<svg", "<img"] {
            XCTAssertEqual(markdown.components(separatedBy: raw).count, markdown.components(separatedBy: "\\" + raw).count, markdown)
        }
    }
}
