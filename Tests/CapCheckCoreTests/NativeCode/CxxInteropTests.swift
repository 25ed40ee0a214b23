@testable import CapCheckCore
@testable import CapCheckNativeCode
import XCTest

/// `capcheck check` on Fixtures/InteropApp: a Swift module built with C++ interoperability runs package C++ through
/// operators, `==`, a destructor, a copy constructor, a property setter, a template and a header-inline operator, none
/// of which an index record names as called (found by an evasion sweep: none of it was reported).
final class CxxInteropTests: XCTestCase {
    nonisolated(unsafe) private static var cached: AnalysisReport?
    private func report() throws -> AnalysisReport {
        if let report = Self.cached { return report }
        let report = try Fixtures.analyse("InteropApp")
        Self.cached = report
        return report
    }

    func testEveryMemberSwiftCallsImplicitlyIsReached() throws {
        let fileEffects = try report().violations.filter { $0.package == "cxx-interop" && $0.capability == "fs" }.map(\.sink).sorted()
        // operator+ creat, operator== access, ~Guard rmdir, the copy constructor lchown, the setter mkdir, the template
        // symlink, the inline operator chmod (without the rule, only the destructor's and the copy's were found).
        XCTAssertEqual(fileEffects, ["access", "chmod", "creat", "lchown", "mkdir", "rmdir", "symlink"])
    }

    func testThePathNamesTheImplicitCall() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "cxx-interop" && $0.sink == "creat" }).path
        XCTAssertEqual(path.suffix(2).map(\.symbol), ["operator+", "creat"])
        XCTAssertEqual(path[path.count - 2].via, EdgeKind.cxxInterop.rawValue)
        XCTAssertTrue(path[path.count - 3].symbol.hasPrefix("C++ called implicitly by module "), path[path.count - 3].symbol)
    }

    func testInteropIsReadFromTheSwiftCompilerArguments() {
        XCTAssertTrue(CxxInteropModules.turnsInteropOn(["swiftc", "-cxx-interoperability-mode=default"]))
        XCTAssertTrue(CxxInteropModules.turnsInteropOn(["swiftc", "-Xfrontend", "-enable-cxx-interop"]))
        XCTAssertTrue(CxxInteropModules.turnsInteropOn(["swiftc", "-enable-experimental-cxx-interop"]))
        // The frontend keeps its own mode whatever the driver's says after it.
        XCTAssertTrue(CxxInteropModules.turnsInteropOn(["swiftc", "-Xfrontend", "-cxx-interoperability-mode=default", "-cxx-interoperability-mode=off"]))
        XCTAssertFalse(CxxInteropModules.turnsInteropOn(["swiftc", "-cxx-interoperability-mode=off"]))
        XCTAssertFalse(CxxInteropModules.turnsInteropOn(["swiftc", "-module-name", "cxx-interop"]))
        let manifest = """
          "C.A-debug.module":
            tool: shell
            args: ["swiftc","-module-name","A","-cxx-interoperability-mode=default"]
          "C.B-debug.module":
            tool: shell
            args: ["swiftc","-module-name","B","-I","/x/cxx-interop/include"]
        """
        XCTAssertEqual(CxxInteropModules.inBuildManifest(manifest), ["A"])
    }

    /// Found by an evasion sweep: `unsafeFlags(["@flags.rsp"])` with the mode inside the file.
    func testAResponseFileIsReadForTheMode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-rsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outer = folder.appendingPathComponent("outer.rsp"), inner = folder.appendingPathComponent("inner.rsp")
        try "-DX \"@\(inner.path)\"\n".write(to: outer, atomically: true, encoding: .utf8)
        try "'-cxx-interoperability-mode=default'".write(to: inner, atomically: true, encoding: .utf8)
        let quiet = folder.appendingPathComponent("quiet.rsp")
        try "/p/A.swift\n/p/B.swift\n".write(to: quiet, atomically: true, encoding: .utf8)
        XCTAssertTrue(CxxInteropModules.turnsInteropOn(CxxInteropModules.expandingResponseFiles(["swiftc", "@" + outer.path])))
        XCTAssertFalse(CxxInteropModules.turnsInteropOn(CxxInteropModules.expandingResponseFiles(["swiftc", "@" + quiet.path])))
        // A file that is there but cannot be read could say anything (a folder stands for one here); one that is not
        // there was read by no compiler (SwiftPM lists every planned module, built or not).
        XCTAssertTrue(CxxInteropModules.turnsInteropOn(CxxInteropModules.expandingResponseFiles(["swiftc", "@" + folder.path])))
        XCTAssertFalse(CxxInteropModules.turnsInteropOn(CxxInteropModules.expandingResponseFiles(["swiftc", "@/nonexistent.rsp"])))
    }
}
