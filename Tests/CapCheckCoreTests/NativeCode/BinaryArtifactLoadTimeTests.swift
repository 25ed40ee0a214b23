@testable import CapCheckCore
@testable import CapCheckNativeCode
import Foundation
import XCTest

/// A binary target's static library with a constructor runs it at program start, through a reference the program
/// never calls (sweep 13's F6): capcheck reads the archive members' section tables, compiled here with the toolchain's
/// clang and llvm-ar as binary-vendor's library is; what it cannot read counts as load-time code.
final class BinaryArtifactLoadTimeTests: XCTestCase {
    private func folder(withLibraryOf source: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-binary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("v/lib"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("payload.c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let bin = try Toolchain.locate().swiftExecutable.resolvingSymlinksInPath().deletingLastPathComponent()
        let object = folder.appendingPathComponent("payload.o").path
        for (tool, arguments) in [("clang", ["-c", "-fPIC", file.path, "-o", object]),
                                  ("llvm-ar", ["rcs", folder.appendingPathComponent("v/lib/libPayload.a").path, object])] {
            let result = try ProcessRunner.run(bin.appendingPathComponent(tool), arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        try FileManager.default.removeItem(atPath: object)
        return folder.path
    }

    func testAConstructorInAnArchiveMemberIsLoadTimeCode() throws {
        let constructor = try folder(withLibraryOf: "void anchor(void) {}\n__attribute__((constructor)) static void boot(void) {}\n")
        XCTAssertTrue(BinaryArtifactLoadTime.mayHoldLoadTimeCode(inFolder: constructor))
        let plain = try folder(withLibraryOf: "int plain(int x) { return x + 1; }\n")
        XCTAssertFalse(BinaryArtifactLoadTime.mayHoldLoadTimeCode(inFolder: plain))
    }

    func testWhatCannotBeReadCounts() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-binary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        XCTAssertTrue(BinaryArtifactLoadTime.mayHoldLoadTimeCode(inFolder: empty.path), "no library found")
        XCTAssertTrue(BinaryArtifactLoadTime.mayHoldLoadTimeCode(inFolder: "/nonexistent/capcheck"), "no folder")
        func field(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        let header = "!<arch>\n" + field("bitcode.o/", 16) + field("0", 12) + field("0", 6) + field("0", 6) + field("644", 8) + field("4", 10) + "`\n"
        XCTAssertEqual(header.utf8.count, 68)
        try (Data(header.utf8) + Data([0x42, 0x43, 0xC0, 0xDE])).write(to: empty.appendingPathComponent("libBitcode.a"))
        XCTAssertEqual(BinaryArtifactLoadTime.members(of: try Data(contentsOf: empty.appendingPathComponent("libBitcode.a")))?.count, 1)
        XCTAssertTrue(BinaryArtifactLoadTime.mayHoldLoadTimeCode(inFolder: empty.path), "a member that is not ELF")
    }
}
