@testable import CapCheckCore
import Foundation
import XCTest

/// `ProcessRunner`'s timeout, which stops a child with everything it started, and `TemporaryFiles`.
final class ChildProcessTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-children-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testTimeoutStopsTheChildAndWhatItStartedInOtherGroups() throws {
        // Like swift-build's compilers: one sleeper in the child's group, one in a session (and group) of its own.
        let sleeper = folder.appendingPathComponent("sleeper").path
        try FileManager.default.createSymbolicLink(atPath: sleeper, withDestinationPath: "/bin/sleep")
        let timeout = try ChildTimeout.configured(environment: [ChildTimeout.variable: "1"])
        let started = Date()
        XCTAssertThrowsError(try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "setsid \(sleeper) 60 & \(sleeper) 60"],
                                                   timeout: timeout)) { error in
            let message = (error as? CapCheckError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("`/bin/sh -c setsid \(sleeper) 60") && message.contains("within 1 second (CAPCHECK_CHILD_TIMEOUT=1)"),
                          message)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(RunningProcesses.awaitNone(mentioning: sleeper, within: 2), [])
    }

    /// Both streams come back whole and in order, however the child's writes and the reads interleave (a JSON
    /// document from `swift package describe` was once read with its chunks out of order on a loaded machine).
    func testOutputIsCapturedWholeAndInOrder() throws {
        // Big writes (seq's 4 KiB blocks) on both streams at once, and small ones.
        let expected = (1...100_000).map { "\($0)\n" }.joined()
        for run in 0..<40 {
            let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "seq 1 100000; seq 1 100000 >&2"])
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.stdout == expected, "run \(run): standard output differs (\(result.stdout.count) of \(expected.count) characters)")
            XCTAssertTrue(result.stderr == expected, "run \(run): standard error differs (\(result.stderr.count) of \(expected.count) characters)")
            if result.stdout != expected || result.stderr != expected { break }
        }
    }

    func testChildTimeoutDefaultsAndRejectsNonsense() throws {
        XCTAssertEqual(try ChildTimeout.configured(environment: [:]).seconds, ChildTimeout.defaultSeconds)
        XCTAssertEqual(try ChildTimeout.configured(environment: [ChildTimeout.variable: "2.5"]).seconds, 2.5)
        for bad in ["0", "-1", "ten", "inf"] {
            XCTAssertThrowsError(try ChildTimeout.configured(environment: [ChildTimeout.variable: bad]), bad) { error in
                XCTAssertTrue("\(error)".contains("CAPCHECK_CHILD_TIMEOUT is set to \"\(bad)\""), "\(error)")
            }
        }
    }

    func testAtomicWriteLeavesNoTemporaryFile() throws {
        let registry = TemporaryFiles()
        let target = folder.appendingPathComponent("cache.bin")
        try registry.write(Data("one".utf8), to: target)
        try registry.write(Data("two".utf8), to: target)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["cache.bin"])
        XCTAssertEqual(registry.registered, [])
    }

    func testRemoveAllDeletesTheRegisteredFiles() throws {
        let registry = TemporaryFiles()
        let written = folder.appendingPathComponent("half-written.tmp-1-x").path
        registry.register(written)
        XCTAssertTrue(FileManager.default.createFile(atPath: written, contents: Data("partial".utf8)))
        let kept = folder.appendingPathComponent("renamed.tmp-1-y").path
        registry.register(kept)
        registry.unregister(kept)
        XCTAssertTrue(FileManager.default.createFile(atPath: kept, contents: Data()))
        registry.removeAll()
        XCTAssertFalse(FileManager.default.fileExists(atPath: written))
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept), "an unregistered file is not capcheck's to delete")
    }
}
