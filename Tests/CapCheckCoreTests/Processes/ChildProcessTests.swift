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
