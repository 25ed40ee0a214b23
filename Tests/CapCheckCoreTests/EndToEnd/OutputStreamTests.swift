import CapCheckCore
import Foundation
import XCTest

/// Progress goes to standard error, one line per phase, and `--quiet` silences it; every machine format keeps
/// standard output to the report alone.
final class OutputStreamTests: XCTestCase {
    private var demo: [String] {
        ["--package-path", Fixtures.packagePath("DemoApp").path, "--scratch-path", Fixtures.scratchPath("DemoApp").path, "--skip-build"]
    }

    override func setUpWithError() throws { try Fixtures.build("DemoApp") }

    func testProgressIsOnStandardErrorAndMachineFormatsStayClean() throws {
        for format in ["json", "sarif"] {
            let outcome = try CLI.run(["check", "--format", format] + demo)
            XCTAssertEqual(outcome.status, 1, outcome.stderr)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)), "\(format): \(outcome.stdout.prefix(300))")
            // "Building the call graph" is not among them: a run that asks what the last one asked of the same inputs
            // reuses its report (`ReportCache`) and goes from reading the store to checking.
            for phase in ["Resolving the package graph", "Reading the index store", "Checking"] {
                XCTAssertTrue(outcome.stderr.contains("capcheck: \(phase)"), "\(format): \(outcome.stderr)")
            }
        }
        let dot = try CLI.run(["audit", "--format", "dot"] + demo)
        XCTAssertTrue(dot.stdout.hasPrefix("digraph capcheck {"), dot.stdout)
    }

    func testQuietSilencesProgress() throws {
        let outcome = try CLI.run(["audit", "--format", "markdown", "--quiet"] + demo)
        XCTAssertEqual(outcome.status, 0)
        XCTAssertEqual(outcome.stderr, "")
        XCTAssertTrue(outcome.stdout.hasPrefix("## capcheck audit: `demoapp`"), outcome.stdout)
    }
}
