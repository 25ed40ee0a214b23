import CapCheckCore
import Foundation
import XCTest

/// Bad environment overrides, policy paths and scratch folders, and children that hang: each is exit 2 at once with
/// a message that says what is wrong (naming the variable and its value) and what to do.
final class CLIEnvironmentTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// DemoApp, analysed from its fixture build.
    private func demo(scratch: String? = nil, skipBuild: Bool = true) throws -> [String] {
        if skipBuild { try Fixtures.build("DemoApp") }
        return ["--package-path", Fixtures.packagePath("DemoApp").path,
                "--scratch-path", scratch ?? Fixtures.scratchPath("DemoApp").path, "--quiet"] + (skipBuild ? ["--skip-build"] : [])
    }

    /// The environment that makes capcheck run `swift` as `swift`, with the real toolchain's libraries named (they are
    /// looked for beside the driver otherwise).
    private func replacingSwift(with swift: URL) throws -> [String: String] {
        let toolchain = try Toolchain.locate()
        return [
            "CAPCHECK_SWIFT": swift.path,
            "CAPCHECK_LIBINDEXSTORE": try toolchain.library("libIndexStore.so", override: "CAPCHECK_LIBINDEXSTORE"),
            "CAPCHECK_LIBSWIFTDEMANGLE": try toolchain.library("libswiftDemangle.so", override: "CAPCHECK_LIBSWIFTDEMANGLE"),
        ]
    }

    /// An executable shell script in the test's folder.
    private func script(_ name: String, _ body: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    private func assertError(_ outcome: CLI.Outcome, contains parts: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(outcome.status, 2, outcome.stderr, file: file, line: line)
        for part in parts { XCTAssertTrue(outcome.stderr.contains(part), "missing <\(part)> in: \(outcome.stderr)", file: file, line: line) }
    }

    // MARK: CAPCHECK_SWIFT

    func testSwiftOverrideThatDoesNotExistIsNamed() throws {
        let outcome = try CLI.run(["check"] + demo(), environment: ["CAPCHECK_SWIFT": "/nonexistent/bin/swift"])
        assertError(outcome, contains: ["CAPCHECK_SWIFT is set to /nonexistent/bin/swift, which does not exist", "unset it"])
    }

    func testSwiftOverrideThatIsNotExecutableIsNamed() throws {
        let file = folder.appendingPathComponent("swift")
        try "not a program".write(to: file, atomically: true, encoding: .utf8)
        assertError(try CLI.run(["check"] + demo(), environment: ["CAPCHECK_SWIFT": file.path]),
                    contains: ["CAPCHECK_SWIFT is set to \(file.path), which is not executable"])
        assertError(try CLI.run(["check"] + demo(), environment: ["CAPCHECK_SWIFT": folder.path]),
                    contains: ["CAPCHECK_SWIFT is set to \(folder.path), which is a folder, not a file"])
    }

    func testLibrariesMissingBesideTheSwiftOverrideNameIt() throws {
        let swift = try script("swift", "exit 0")
        let outcome = try CLI.run(["check"] + demo(), environment: ["CAPCHECK_SWIFT": swift.path])
        assertError(outcome, contains: ["libIndexStore.so not found in the toolchain of CAPCHECK_SWIFT=\(swift.path)",
                                        "set CAPCHECK_SWIFT to the `swift` of a complete Swift toolchain", "CAPCHECK_LIBINDEXSTORE"])
    }

    func testLibraryOverrideThatDoesNotExistSaysWhatToDo() throws {
        let outcome = try CLI.run(["check"] + demo(), environment: ["CAPCHECK_LIBSWIFTDEMANGLE": "/nonexistent/libswiftDemangle.so"])
        assertError(outcome, contains: ["CAPCHECK_LIBSWIFTDEMANGLE is set to /nonexistent/libswiftDemangle.so, which does not exist",
                                        "set it to the path of libswiftDemangle.so", "or unset it"])
    }

    // MARK: --policy

    func testPolicyThatIsNotARegularFileIsRejected() throws {
        let fifo = folder.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        for (path, kind) in [("/dev/null", "a character device"), (folder.path, "a directory"), (fifo, "a FIFO")] {
            assertError(try CLI.run(["check", "--policy", path] + demo()),
                        contains: ["\(path): is not a regular file (it is \(kind)); pass the path of a capabilities.json file"])
        }
        // `init` never writes its draft over one either.
        assertError(try CLI.run(["init", "--force", "--policy", "/dev/null"] + demo()), contains: ["/dev/null: is not a regular file"])
    }

    // MARK: --scratch-path

    func testScratchPathThatIsAFileSaysSo() throws {
        let file = folder.appendingPathComponent("scratch")
        try "".write(to: file, atomically: true, encoding: .utf8)
        assertError(try CLI.run(["audit"] + demo(scratch: file.path, skipBuild: false)),
                    contains: ["the scratch path \(file.path) is a file, not a folder"])
        let below = file.appendingPathComponent("build").path
        assertError(try CLI.run(["audit"] + demo(scratch: below, skipBuild: false)),
                    contains: ["cannot create the scratch folder \(below): \(file.path) is a file, not a folder"])
    }

    func testScratchFolderThatIsNotWritableSaysSoBeforeBuilding() throws {
        // root writes through permissions: there, a folder no one can create files in (`/proc`) stands in.
        let readOnly: String
        if getuid() == 0 {
            readOnly = "/proc"
        } else {
            readOnly = folder.appendingPathComponent("read-only").path
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o555])
        }
        let outcome = try CLI.run(["audit"] + demo(scratch: readOnly, skipBuild: false))
        assertError(outcome, contains: ["the scratch folder \(readOnly) is not writable", "--scratch-path"])
        XCTAssertFalse(outcome.stderr.contains("Fix the manifest"), outcome.stderr)
    }

    // MARK: CAPCHECK_CHILD_TIMEOUT

    func testHangingSwiftIsStoppedAfterTheChildTimeout() throws {
        // A `swift` that hangs, in a child of its own (found by its path: the sleeper lives in the test's folder).
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("sleeper").path, withDestinationPath: "/bin/sleep")
        let swift = try script("swift", "\"$(dirname \"$0\")/sleeper\" 60")
        let environment = try replacingSwift(with: swift).merging(["CAPCHECK_CHILD_TIMEOUT": "2"]) { $1 }
        let started = Date()
        let outcome = try CLI.run(["audit"] + demo(scratch: folder.appendingPathComponent("scratch").path, skipBuild: false),
                                  environment: environment)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "capcheck waited far longer than CAPCHECK_CHILD_TIMEOUT")
        assertError(outcome, contains: ["`\(swift.path) package", "show-dependencies",
                                        "did not finish within 2 seconds (CAPCHECK_CHILD_TIMEOUT=2)", "set CAPCHECK_CHILD_TIMEOUT to more seconds"])
        XCTAssertEqual(RunningProcesses.awaitNone(mentioning: folder.path, within: 3), [], "the hanging child or its sleeper still runs")
    }

    // MARK: The environment SwiftPM sees

    func testSwiftRunsWithUnderscoreNamingTheDriverAsAShellSetsIt() throws {
        // SwiftPM keys its manifest cache on the whole environment: a `_` naming capcheck (what the shell that started
        // capcheck left there) made every query after the user's own `swift build` compile each manifest again.
        let seen = folder.appendingPathComponent("seen")
        let swift = try script("swift", "tr '\\0' '\\n' < /proc/$$/environ | grep '^_=' >> \"\(seen.path)\"; exit 1")
        let environment = try replacingSwift(with: swift).merging(["_": "/usr/local/bin/capcheck"]) { $1 }
        let outcome = try CLI.run(["audit"] + demo(scratch: folder.appendingPathComponent("scratch").path, skipBuild: false),
                                  environment: environment)
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        let lines = try String(contentsOf: seen, encoding: .utf8).split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        XCTAssertEqual(Set(lines), ["_=" + swift.path])
    }

    func testChildTimeoutThatIsNotANumberIsNamed() throws {
        assertError(try CLI.run(["check"] + demo(), environment: ["CAPCHECK_CHILD_TIMEOUT": "soon"]),
                    contains: ["CAPCHECK_CHILD_TIMEOUT is set to \"soon\", which is not a number of seconds", "set it to a positive number"])
    }
}
