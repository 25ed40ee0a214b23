import CapCheckCore
import Foundation
import XCTest

/// The markdown, HTML, SARIF and DOT formats on DemoApp's real check and audit reports.
final class ReportFormatTests: XCTestCase {
    nonisolated(unsafe) private static var cached: (check: AnalysisReport, audit: AnalysisReport)?
    private func reports() throws -> (check: AnalysisReport, audit: AnalysisReport) {
        if let cached = Self.cached { return cached }
        let both = (try Fixtures.analyse("DemoApp"), try Fixtures.analyse("DemoApp", usePolicy: false))
        Self.cached = both
        return both
    }

    private func temporaryFile(_ name: String, _ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    // MARK: markdown

    func testMarkdownTableHasGrantedReachedAndLatent() throws {
        let text = try MarkdownFormatter().format(reports().check, mode: .check)
        XCTAssertTrue(text.hasPrefix("## capcheck check: `demoapp`\n"), text)
        XCTAssertTrue(text.contains("**9 violations in 8 packages · 13 dependencies · 1 unused grant**"), text)
        XCTAssertTrue(text.contains("| package | `fs` | `net` | `ffi` |\n|---|---|---|---|\n"), text)
        XCTAssertTrue(text.contains("| `witness-fs` | ✗ reached, not granted |  |  |"), text)
        XCTAssertTrue(text.contains("| `c-socket` |  | ✗ reached, not granted | ✗ reached, not granted |"), text)
        XCTAssertTrue(text.contains("| `granted-fs` | ✓ reached, granted |  |  |"), text)
        XCTAssertTrue(text.contains("| `latent-fs` | ◌ latent |  |  |"), text)
        XCTAssertTrue(text.contains("| `callback` |  |  |  |"), text)
    }

    func testMarkdownListsEachViolationWithItsPathRelativeToThePackage() throws {
        let text = try MarkdownFormatter().format(reports().check, mode: .check)
        let section = try XCTUnwrap(text.components(separatedBy: "### Violations").last)
        XCTAssertEqual(section.components(separatedBy: "```text\n").count - 1, 9)
        XCTAssertTrue(text.contains("**`witness-fs`** reaches `fs` through `Foundation.FileManager.createFile(atPath:contents:attributes:)`, which its grant lacks — can read, write"), text)
        XCTAssertTrue(text.contains("\nSources/DemoApp/main.swift:14:12: WitnessFS.Sink.write(_:) (witness-fs)\n"), text)
        XCTAssertTrue(text.contains("### Unused grants\n\n- `capabilities.json:19:5`: nested-child is granted fs"), text)
    }

    func testMarkdownAuditShowsReachWithPaths() throws {
        let text = try MarkdownFormatter().format(reports().audit, mode: .audit)
        XCTAssertTrue(text.hasPrefix("## capcheck audit: `demoapp`\n"), text)
        XCTAssertTrue(text.contains("| `c-socket` |  | ● reached | ● reached |"), text)
        XCTAssertTrue(text.contains("<details><summary><code>c-socket</code> reaches ffi, net</summary>"), text)
        XCTAssertFalse(text.contains("### Violations"))
    }

    // MARK: HTML

    func testHTMLIsSelfContainedAndEscaped() throws {
        let html = try HTMLFormatter().format(reports().check, mode: .check)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        for external in ["<script", "<link", "src=", "href=", "@import", "url("] {
            XCTAssertFalse(html.contains(external), "the page must not load anything: found \(external)")
        }
        XCTAssertTrue(html.contains("<code>Foundation.FileManager.createFile(atPath:contents:attributes:)</code>"))
        XCTAssertFalse(html.contains("Sources/DemoApp/main.swift:1:1: top-level code (main.swift) (demoapp)\n<"), "paths are inside <pre>")
    }

    /// Renders the CLI's HTML report in headless Chromium and checks the table in the resulting DOM.
    func testHTMLAuditRendersInChromium() throws {
        let chromium = try ExternalTools.chromium()
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-\(UUID().uuidString).html")
        let outcome = try CLI.run(["check", "--format", "html", "--output", page.path, "--package-path", Fixtures.packagePath("DemoApp").path,
                                   "--scratch-path", Fixtures.scratchPath("DemoApp").path, "--skip-build", "--quiet"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-chromium-\(UUID().uuidString)")
        let rendered = try ProcessRunner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                                                        "--dump-dom", page.absoluteString])
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        let dom = rendered.stdout
        XCTAssertTrue(dom.contains("<table id=\"capabilities\">"), dom)
        XCTAssertEqual(dom.components(separatedBy: "<tr><th scope=\"row\">").count - 1, 13, "one row per dependency")
        XCTAssertTrue(dom.contains("<th scope=\"row\">witness-fs</th><td class=\"violation\">✗ reached, not granted</td>"), dom)
        XCTAssertTrue(dom.contains("<h2>Violations</h2>"), dom)
    }

    // MARK: SARIF

    private func sarif() throws -> [String: Any] {
        let text = try SARIFFormatter().format(reports().check, mode: .check)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testSARIFHasOneResultPerViolationWithItsPathAsACodeFlow() throws {
        let run = try XCTUnwrap((sarif()["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let errors = results.filter { $0["level"] as? String == "error" }
        XCTAssertEqual(errors.count, 9)
        let report = try reports().check
        for (result, violation) in zip(errors, report.violations) {
            XCTAssertEqual(result["ruleId"] as? String, "reaches-\(violation.capability)")
            let flow = try XCTUnwrap(((result["codeFlows"] as? [[String: Any]])?.first?["threadFlows"] as? [[String: Any]])?.first)
            XCTAssertEqual((flow["locations"] as? [Any])?.count, violation.path.count)
        }
        let witness = try XCTUnwrap(errors.first { (($0["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("witness-fs reaches fs") == true })
        let physical = try XCTUnwrap(((witness["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uri"] as? String, "Sources/DemoApp/main.swift")
        XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uriBaseId"] as? String, "PACKAGE_ROOT")
        XCTAssertEqual((physical["region"] as? [String: Any])?["startLine"] as? Int, 14)
        let base = try XCTUnwrap((run["originalUriBaseIds"] as? [String: [String: Any]])?["PACKAGE_ROOT"]?["uri"] as? String)
        XCTAssertTrue(base.hasPrefix("file:///") && base.hasSuffix("/Fixtures/DemoApp/"), base)
        let unused = try XCTUnwrap(results.first { $0["ruleId"] as? String == "unused-grant" })
        XCTAssertEqual(unused["level"] as? String, "warning")
        XCTAssertTrue(String(describing: unused["locations"]!).contains("capabilities.json"))
    }

    /// Validates the SARIF log against the official SARIF 2.1.0 JSON schema (OASIS errata01), and checks that
    /// the validator rejects a broken log, so the test can fail; then the golden logs (`GoldenFileTests`).
    func testSARIFValidatesAgainstTheOfficialSchema() throws {
        let schema = try ExternalTools.sarifSchema()
        let log = try temporaryFile("report.sarif", try SARIFFormatter().format(reports().check, mode: .check))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            assert schema.get("id") == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json", schema.get("id")
            document = json.load(open(sys.argv[2]))
            if len(sys.argv) > 3:
                document["runs"][0]["results"][0]["level"] = "fatal"
            validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
            errors = list(validator.iter_errors(document))
            for error in errors:
                print("/".join(map(str, error.absolute_path)), error.message)
            sys.exit(1 if errors else 0)
            """
        let valid = try ExternalTools.python(script, arguments: [schema, log.path])
        XCTAssertEqual(valid.status, 0, valid.stdout + valid.stderr)
        let broken = try ExternalTools.python(script, arguments: [schema, log.path, "break"])
        XCTAssertEqual(broken.status, 1, broken.stdout + broken.stderr)
        XCTAssertTrue(broken.stdout.contains("fatal"), broken.stdout)
        let audit = try temporaryFile("audit.sarif", try SARIFFormatter().format(reports().audit, mode: .audit))
        let auditOutcome = try ExternalTools.python(script, arguments: [schema, audit.path])
        XCTAssertEqual(auditOutcome.status, 0, auditOutcome.stdout + auditOutcome.stderr)
        // The golden logs of the hand-made reports: notifications, a nested unused grant, a user capability.
        for golden in ["check.sarif", "audit.sarif"] {
            let outcome = try ExternalTools.python(script, arguments: [schema, GoldenFileTests.folder.appendingPathComponent(golden).path])
            XCTAssertEqual(outcome.status, 0, golden + ": " + outcome.stdout + outcome.stderr)
        }
    }

    // MARK: DOT

    func testDOTLinksPackagesOnWitnessPathsToTheirCapabilities() throws {
        let dot = try DOTFormatter().format(reports().check, mode: .check)
        XCTAssertTrue(dot.hasPrefix("digraph capcheck {\n") && dot.hasSuffix("}\n"))
        XCTAssertTrue(dot.contains("  \"demoapp\" [shape=box, style=bold];"))
        XCTAssertTrue(dot.contains("  \"nested-parent\" -> \"nested-child\";"))
        XCTAssertTrue(dot.contains("  \"witness-fs\" -> \"cap:fs\" [color=red, fontcolor=red, label=\"Foundation.FileManager.createFile(atPath:contents:attributes:)\"];"))
        XCTAssertTrue(dot.contains("  \"c-socket\" -> \"cap:net\" [color=red, fontcolor=red, label=\"socket\"];"))
        XCTAssertFalse(dot.contains("latent-fs"), "only packages on witness paths")
        XCTAssertFalse(dot.contains("toolchain"))
        let audit = try DOTFormatter().format(reports().audit, mode: .audit)
        XCTAssertTrue(audit.contains("  \"granted-fs\" -> \"cap:fs\" [color=gray40];"))
    }

    // MARK: text

    func testTextGivesEachCapabilityItsMeaning() throws {
        let text = try TextFormatter(colorize: false).format(reports().check, mode: .check)
        XCTAssertTrue(text.contains("reaches net through socket, which its grant lacks — can open network connections"), text)
        XCTAssertTrue(text.contains("\nwarning: capabilities.json:19:5: nested-child is granted fs"), text)
    }

    /// Files relative to DemoApp, inside a dependency as `<identity>/…`; `absolutePaths` shows them as the report holds them.
    func testTextShowsPathsRelativeUnlessAbsoluteIsAsked() throws {
        let report = try reports().check
        let relative = try TextFormatter().format(report, mode: .check)
        XCTAssertTrue(relative.contains("\n    Sources/DemoApp/main.swift:14:12: WitnessFS.Sink.write(_:) (witness-fs)\n"), relative)
        XCTAssertTrue(relative.contains("\n    witness-fs/Sources/WitnessFS/WitnessFS.swift:9:10: WitnessFS.FileSink.write(_:) (witness-fs)  [protocol witness or override]\n"), relative)
        XCTAssertFalse(relative.contains(Fixtures.repositoryRoot.path), relative)
        let absolute = try TextFormatter(options: FormatOptions(absolutePaths: true)).format(report, mode: .check)
        let demo = Fixtures.packagePath("DemoApp").path
        XCTAssertTrue(absolute.contains("\n    \(demo)/Sources/DemoApp/main.swift:14:12: WitnessFS.Sink.write(_:) (witness-fs)\n"), absolute)
        XCTAssertTrue(absolute.contains("\nwarning: \(demo)/capabilities.json:19:5: nested-child is granted fs"), absolute)
    }
}
