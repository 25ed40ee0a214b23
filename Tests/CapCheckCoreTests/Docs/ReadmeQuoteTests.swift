import CapCheckCore
import Foundation
import XCTest

/// What the README quotes of capcheck's output is what capcheck prints: its first example, `check` on the demo.
final class ReadmeQuoteTests: XCTestCase {
    func testTheDemoOutputTheREADMEShowsIsWhatCheckPrints() throws {
        try Fixtures.build("DemoApp")
        let readme = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let command = "$ swift run capcheck check --package-path Fixtures/DemoApp\n"
        let start = try XCTUnwrap(readme.range(of: command), "the README's first example is gone")
        let block = readme[start.upperBound...].prefix { _ in true }
        let quoted = block[..<(block.range(of: "```")?.lowerBound ?? block.endIndex)]
            .split(separator: "\n").map(String.init).filter { $0 != "…" }
        XCTAssertGreaterThan(quoted.count, 3)
        let outcome = try CLI.run(["check", "--package-path", Fixtures.packagePath("DemoApp").path,
                                   "--scratch-path", Fixtures.scratchPath("DemoApp").path, "--skip-build", "--quiet"])
        let printed = Set(outcome.stdout.split(separator: "\n").map(String.init))
        for line in quoted { XCTAssertTrue(printed.contains(line), "the README quotes a line check does not print: \(line)") }
    }
}
