@testable import CapCheckCore
import XCTest

/// docs/catalog.md states how many sinks each capability has; this keeps the table equal to the shipped files.
final class CatalogDocsTests: XCTestCase {
    /// The counts table as docs/catalog.md must show it, computed from the committed resources.
    static func countsTable() throws -> String {
        let folder = GeneratedCatalog.resourcesFolder
        let areas = try SinkCatalog.resourceFiles.map { name in
            (name, try JSONDecoder().decode(CatalogFile.self, from: Data(contentsOf: folder.appendingPathComponent(name + ".json"))))
        }
        let libc = try JSONDecoder().decode(CLibraryCatalogFile.self, from: Data(contentsOf: folder.appendingPathComponent("libc.json")))
        var rows = ["| capability | " + areas.map(\.0).joined(separator: " | ") + " | libc | total |",
                    "|---|" + String(repeating: "---:|", count: areas.count + 2)]
        for capability in Capability.builtIn where capability != .build {
            let counts = areas.map { _, file in
                file.groups.filter { $0.capability == capability.name }.reduce(0) { $0 + $1.types.count + $1.members.count + $1.overloads.count }
            } + [(libc.functions[capability.name]?.count ?? 0) + (libc.variables[capability.name]?.count ?? 0)]
            rows.append("| `\(capability.name)` | " + counts.map(String.init).joined(separator: " | ") + " | \(counts.reduce(0, +)) |")
        }
        let pure = areas.map { _, file in file.groups.reduce(0) { $0 + $1.pure.count + $1.pureOverloads.count } } + [libc.pure.count]
        rows.append("| listed pure | " + pure.map(String.init).joined(separator: " | ") + " | \(pure.reduce(0, +)) |")
        return rows.joined(separator: "\n")
    }

    func testTheCountsInTheDocsAreTheShippedOnes() throws {
        let docs = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/catalog.md"), encoding: .utf8)
        let table = try Self.countsTable()
        XCTAssertTrue(docs.contains("<!-- counts:begin -->\n" + table + "\n<!-- counts:end -->"),
                      "docs/catalog.md's counts table is stale; replace it with:\n" + table)
    }

    /// Every generating rule is explained in the docs by its id.
    func testEveryRuleIsNamedInTheDocs() throws {
        let docs = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/catalog.md"), encoding: .utf8)
        for rule in CatalogRules.all { XCTAssertTrue(docs.contains("`\(rule.id)`"), "docs/catalog.md does not mention rule \(rule.id)") }
    }
}
