import CapCheckCore
import Foundation
import XCTest

/// capcheck's version (`CapCheckVersion.current`) and the catalog's toolchain, wherever reports name them.
final class VersionTests: XCTestCase {
    /// The `toolchain` of every generated catalog resource (they are generated together, so there is one).
    private func catalogToolchains() throws -> Set<String> {
        let resources = Fixtures.repositoryRoot.appendingPathComponent("Sources/CapCheckCatalog/Resources")
        return Set(try ["stdlib", "foundation", "dispatch"].map { name in
            let data = try Data(contentsOf: resources.appendingPathComponent("\(name).json"))
            return try JSONDecoder().decode(CatalogFile.self, from: data).toolchain
        })
    }

    func testTheVersionIsSemantic() {
        XCTAssertNotNil(CapCheckVersion.current.range(of: #"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"#, options: .regularExpression), CapCheckVersion.current)
    }

    func testVersionFlagPrintsTheVersion() throws {
        let outcome = try CLI.run(["--version"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, CapCheckVersion.current + "\n")
    }

    func testTheCatalogNamesTheToolchainItWasGeneratedFrom() throws {
        let toolchains = try catalogToolchains()
        XCTAssertEqual(toolchains.count, 1, "\(toolchains)")
        XCTAssertEqual(try SinkCatalog.bundled().toolchain, toolchains.first)
        XCTAssertTrue(toolchains.first?.hasPrefix("Swift version ") == true, "\(toolchains)")
    }

    /// The JSON report carries both; SARIF's driver carries the version; Markdown and HTML footers name both.
    func testReportsNameTheVersionAndTheCatalogToolchain() throws {
        let report = try Fixtures.analyse("DemoApp")
        let toolchain = try XCTUnwrap(try catalogToolchains().first)
        XCTAssertEqual(report.capcheckVersion, CapCheckVersion.current)
        XCTAssertEqual(report.catalogToolchain, toolchain)

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try JSONFormatter().format(report, mode: .check).utf8)) as? [String: Any])
        XCTAssertEqual(json["capcheckVersion"] as? String, CapCheckVersion.current)
        XCTAssertEqual(json["catalogToolchain"] as? String, toolchain)

        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try SARIFFormatter().format(report, mode: .check).utf8)) as? [String: Any])
        let driver = try XCTUnwrap((((sarif["runs"] as? [[String: Any]])?.first?["tool"]) as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "capcheck")
        XCTAssertEqual(driver["version"] as? String, CapCheckVersion.current)
        XCTAssertEqual(driver["semanticVersion"] as? String, CapCheckVersion.current)

        let footer = "capcheck \(CapCheckVersion.current) · sink catalog generated from \(toolchain)"
        XCTAssertTrue(try MarkdownFormatter().format(report, mode: .check).hasSuffix("\n<sub>\(footer)</sub>\n"))
        XCTAssertTrue(try HTMLFormatter().format(report, mode: .audit).contains("<footer>\(footer)</footer>\n</body>"))
    }
}
