@testable import CapCheckGraph
import CapCheckSupport
import Foundation
import XCTest

/// `CallGraphBuilder.isImport`: a scoped import names a declaration with no container, like an attribute, but is not
/// the next definition's; only a line that is one whole import declaration counts, so nothing with attributes can hide
/// behind it.
final class ImportLineTests: XCTestCase {
    private func isImport(_ text: String) throws -> Bool {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).swift").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var source: SourceText??
        return CallGraphBuilder.isImport(line: 1, of: path, in: &source)
    }

    func testWholeImportDeclarations() throws {
        XCTAssertTrue(try isImport("import struct ConsoleKitTerminal.AnySendableHashable\n"))
        XCTAssertTrue(try isImport("  @preconcurrency import protocol Kit.Console // a comment\n"))
        XCTAssertTrue(try isImport("@_spi(Internal) @_exported import\tfunc Kit.run"))
    }

    func testAnythingElseIsNot() throws {
        XCTAssertFalse(try isImport("@Worker\n"))
        XCTAssertFalse(try isImport("import struct Kit.Box; @Worker struct Model {}\n"))
        XCTAssertFalse(try isImport("@Kit.Worker public struct Model {}\n"))
        XCTAssertFalse(try isImport("importer()\n"))
    }
}
