@testable import CapCheckCore
import XCTest

/// An `unsafeFlags` setting is build-time code unless every flag is known quiet: the ways a flag makes a compiler or
/// the linker run a program of the package's choosing are too many to list (sweep 13's F5/F5b found two more).
final class QuietFlagsTests: XCTestCase {
    private func loadsCode(_ flags: [String]) -> Bool {
        Target.NativeSetting(kind: "unsafeFlags", tool: "swift", values: flags).loadsCode
    }

    func testQuietFlagsRunNothing() {
        for flags in [["-DCAPCHECK=1"], ["-D", "DEBUG"], ["-Wno-unused", "-Werror", "-w"], ["-O2", "-Onone", "-O"],
                      ["-enable-experimental-feature", "StrictConcurrency"], ["-enable-upcoming-feature", "ExistentialAny"],
                      ["-march=native", "-std=c++17", "-fno-exceptions"], ["-Xcc", "-DX"], ["-Xfrontend", "-warn-long-function-bodies=100"]] {
            XCTAssertFalse(loadsCode(flags), "\(flags)")
        }
    }

    func testEveryOtherFlagMayRunAProgram() {
        for flags in [["-driver-use-frontend-path", "/pkg/frontend"], ["-Xclang-linker", "--gcc-toolchain=/pkg"], ["--gcc-toolchain=/pkg"],
                      ["-B/pkg/bin"], ["-fuse-ld=/pkg/ld"], ["--ld-path=/pkg/ld"], ["-tools-directory", "/pkg"], ["-resource-dir", "/pkg"],
                      ["-sdk", "/pkg"], ["--sysroot=/pkg"], ["-Xlinker", "-plugin", "-Xlinker", "/pkg/p.so"], ["-Wl,-plugin,/pkg/p.so"],
                      ["-Wl,@link.rsp"], ["@flags.rsp"], ["-Xcc", "-fplugin=/pkg/p.so"], ["-Xclang", "-load", "-Xclang", "/pkg/p.so"],
                      ["-Xfrontend", "-load-plugin-executable", "-Xfrontend", "/pkg/m#M"], ["-DX", "-fplugin=/pkg/p.so"], ["-D"],
                      ["-enable-experimental-feature"],
                      // The fifteenth sweep: a forwarded `-D` takes the tool's next argument, not the driver's following one.
                      ["-Xfrontend", "-D", "-load-pass-plugin=/pkg/p.so"], ["-Xfrontend", "-D", "-ld-path=/pkg/ld"]] {
            XCTAssertTrue(loadsCode(flags), "\(flags)")
        }
    }

    /// SwiftPM joins a tool's `unsafeFlags` settings into one command line: they are judged together.
    func testSettingsOfOneToolAreJudgedTogether() {
        var target = Target(name: "T", moduleName: "T", kind: .swift, path: "/pkg/Sources/T", isTest: false)
        target.nativeSettings = [Target.NativeSetting(kind: "unsafeFlags", tool: "swift", values: ["-Xfrontend"]),
                                 Target.NativeSetting(kind: "unsafeFlags", tool: "swift", values: ["-D", "-load-pass-plugin=/pkg/p.so"])]
        XCTAssertTrue(target.runsProgramsAtBuildTime)
        target.nativeSettings = [Target.NativeSetting(kind: "unsafeFlags", tool: "swift", values: ["-Xfrontend"]),
                                 Target.NativeSetting(kind: "unsafeFlags", tool: "swift", values: ["-warn-long-function-bodies=100"])]
        XCTAssertFalse(target.runsProgramsAtBuildTime)
    }
}
