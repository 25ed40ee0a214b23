@testable import CapCheckCore
import Foundation
import XCTest

/// Which targets a build covers beyond the root's dependency closure, on Fixtures/BuildCoverApp (decided with
/// `check --build-time-only`, never built): SwiftPM 6.3 plans every library and executable product of every package
/// of the graph, used or not, so the build-tool plugins of their targets run (`unused-product`).
final class BuildCoverTests: XCTestCase {
    private func buildTimeReport() throws -> AnalysisReport {
        let outcome = try CLI.run(["check", "--build-time-only", "--package-path", Fixtures.packagePath("BuildCoverApp").path,
                                   "--scratch-path", Fixtures.scratchPath("BuildCoverApp").path, "--format", "json", "--quiet"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        return try JSONDecoder().decode(AnalysisReport.self, from: Data(outcome.stdout.utf8))
    }

    func testPluginsOfProductsNothingUsesRun() throws {
        let report = try buildTimeReport()
        XCTAssertEqual(report.violationKeys.filter { $0.hasPrefix("unused-product ") },
                       ["unused-product build build-tool plugin ExtrasPlugin"], "not LoosePlugin: its targets are in no product, or tests")
        let extras = try XCTUnwrap(report.violations.first { $0.sink == "build-tool plugin ExtrasPlugin" })
        XCTAssertEqual(extras.path.map(\.symbol), ["swift build (build-time code of the graph)", "target Extras", "build-tool plugin ExtrasPlugin",
                                                   "build-tool plugin ExtrasPlugin"])
        XCTAssertEqual(report.summary(of: "unused-product")?.buildTimeTargets, ["ExtrasPlugin", "LoosePlugin"])
    }
}
