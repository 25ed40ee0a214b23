@testable import CapCheckCore
import Foundation
import XCTest

/// The sandbox hides `/tmp` behind a private one; a package that lives under `/tmp` (a CI clone, say) must stay
/// visible, read-only, with the scratch folder writable on top.
final class BuildSandboxArgumentsTests: XCTestCase {
    func testPackageUnderTmpIsBoundBackReadOnlyBeforeTheWritableScratch() throws {
        let root = URL(fileURLWithPath: "/tmp/capcheck-sandbox-args-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let package = root.appendingPathComponent("Fixtures/App")
        let scratch = root.appendingPathComponent(".build/fixtures/App")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        let command = try BuildSandbox(bwrap: URL(fileURLWithPath: "/usr/bin/bwrap"))
            .wrap(URL(fileURLWithPath: "/usr/bin/swift"), ["build"], scratch: scratch, package: package, environment: [:])
        let arguments = command.arguments
        let tmpfs = try XCTUnwrap(arguments.indices.first { arguments[$0] == "--tmpfs" && arguments[$0 + 1] == "/tmp" })
        let readOnly = try XCTUnwrap(arguments.indices.first { arguments[$0] == "--ro-bind" && arguments[$0 + 1] == root.path })
        let writable = try XCTUnwrap(arguments.indices.first { arguments[$0] == "--bind" && arguments[$0 + 1] == scratch.path })
        XCTAssertLessThan(tmpfs, readOnly)
        XCTAssertLessThan(readOnly, writable)
        XCTAssertTrue(arguments.contains("--unshare-net"))
    }
}
