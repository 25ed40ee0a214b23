@testable import CapCheckCore
import Foundation
import XCTest

/// The build manifest's clang commands, kept by the manifest's stamp (`BuildManifestCommands`).
final class BuildManifestCommandsTests: XCTestCase {
    private func manifest(_ source: String) -> String {
        """
        client:
          name: basic
        commands:
          "/b/\(source).o":
            tool: clang
            inputs: ["/p/\(source).c"]
            args: ["/usr/bin/clang","-DX=1","-c","/p/\(source).c","-o","/b/\(source).o"]
          "/b/Mod.swiftmodule":
            tool: shell
            args: ["/usr/bin/swiftc","-module-name","Mod","-cxx-interoperability-mode=default"]
        """
    }

    func testTheCommandsAreReadOnceAndAgainWhenTheManifestChanges() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("capcheck"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("debug.yaml")
        try manifest("a").write(to: path, atomically: false, encoding: .utf8)
        let first = try XCTUnwrap(BuildManifestCommands.read(scratch: scratch, configuration: .debug))
        XCTAssertEqual(first.commands, ClangCompileCommands.fromBuildManifest(manifest("a")))
        XCTAssertEqual(first.commands.map(\.source), ["/p/a.c"])
        let kept = ScratchLayout(scratch: scratch).buildManifest(configuration: "debug")
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept.path))
        XCTAssertEqual(BuildManifestCommands.read(scratch: scratch, configuration: .debug), first, "the kept commands")
        try manifest("b").write(to: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(BuildManifestCommands.read(scratch: scratch, configuration: .debug)?.commands.map(\.source), ["/p/b.c"],
                       "a manifest written again (same size) is read again")
        try Data("capcheck-cache garbage".utf8).write(to: kept)
        XCTAssertEqual(BuildManifestCommands.read(scratch: scratch, configuration: .debug)?.commands.map(\.source), ["/p/b.c"], "a damaged file")
        try FileManager.default.removeItem(at: path)
        XCTAssertNil(BuildManifestCommands.read(scratch: scratch, configuration: .debug))
    }
}
