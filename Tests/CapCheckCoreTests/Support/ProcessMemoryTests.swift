@testable import CapCheckSupport
import CProcessControl
import Foundation
import XCTest

/// The memory controls the cold run uses: a library's pages given back stay usable, and a file written in parts is
/// the parts joined.
final class ProcessMemoryTests: XCTestCase {
    func testAPagedOutLibraryIsStillCallable() throws {
        let toolchain = try Toolchain.locate()
        let path = try toolchain.library("libIndexStore.so", override: "CAPCHECK_LIBINDEXSTORE")
        let library = try NativeLibrary(path: path)
        typealias Version = @convention(c) () -> UInt32
        let version = try library.function("indexstore_format_version", as: Version.self)
        let before = version()
        let advised = capcheck_page_out_library(path)
        #if os(Linux)
        XCTAssertGreaterThan(advised, 0, "every mapping of \(path) should have been advised")
        #endif
        XCTAssertEqual(version(), before, "the library's code is read again from its file")
        XCTAssertEqual(capcheck_page_out_library("/nonexistent/library.so"), -1)
    }

    func testAFileWrittenInPartsHoldsThePartsInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("cache")
        let first = Data("capcheck-cache header\n".utf8), second = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0) })
        first.withUnsafeBytes { head in second.withUnsafeBytes { body in AtomicFile.write([head, body], to: url) } }
        XCTAssertEqual(try Data(contentsOf: url), first + second)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["cache"], "no temporary file is left")
    }
}
