@testable import CapCheckCore
@testable import CapCheckNativeCode
import CapCheckSupport
import Foundation
import XCTest

/// What a Swift object file exports to C or runs at load, read from the object the real compiler wrote: the backstop
/// for what no source file shows (a macro's expansion), tied to the Swift function that runs.
final class SwiftObjectExportsTests: XCTestCase {
    func testExportsAndInitArrayEntriesAreReadFromTheObject() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-swift-object-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("Exports.swift"), object = folder.appendingPathComponent("Exports.o")
        try """
            @_cdecl("capcheck_probe_export") public func probe() { print("probe") }
            @c public func direct() -> Int32 { 1 }
            @section(".init_array") @used let hook: @convention(c) () -> Void = { print("load") }
            public func plain() throws -> Int { 2 }
            """.write(to: source, atomically: true, encoding: .utf8)
        let swiftc = try Toolchain.locate().swiftExecutable.deletingLastPathComponent().appendingPathComponent("swiftc")
        let result = try ProcessRunner.run(swiftc, ["-parse-as-library", "-module-name", "Probe", "-emit-object", source.path, "-o", object.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let entries = try XCTUnwrap(SwiftObjectExports.entries(inObjectAt: object.path, module: "Probe"))
        let exports = entries.filter { !$0.isLoadTime }.sorted { $0.symbol < $1.symbol }
        XCTAssertEqual(exports.map(\.symbol), ["capcheck_probe_export", "direct"], "compiler helpers and Swift symbols are not exports")
        XCTAssertEqual(exports.first?.swiftSymbol, "$s5Probe5probeyyF", "the thunk calls the Swift function")
        XCTAssertNil(exports.last?.swiftSymbol, "@c compiles the body under the C name: no single Swift function")
        let loadTime = entries.filter(\.isLoadTime)
        XCTAssertEqual(loadTime.count, 1)
        XCTAssertTrue(loadTime.first?.swiftSymbol?.hasPrefix("$s5Probe4hook") == true, "\(loadTime)")
    }
}
