import CapCheckCore
import Foundation
import XCTest

/// capcheck interrupted while it runs SwiftPM (Ctrl-C, a CI job's cancel): it stops everything it started
/// (swift-build, swiftc, swift-frontend: each in a process group of its own) and exits 128 + the signal, leaving
/// no temporary file behind.
final class InterruptTests: XCTestCase {
    func testSIGINTDuringTheBuildStopsEveryCompilerAndExits130() throws {
        try interrupt(with: SIGINT, expecting: 130) { $0.contains("swift-frontend") && $0.contains(Self.slowFile) }
    }

    func testSIGTERMWhileResolvingThePackageGraphExits143() throws {
        try interrupt(with: SIGTERM, expecting: 143) { $0.contains("swift-package") }
    }

    /// A source file of service-core (built first) that keeps its compiler busy for many seconds: long after the
    /// signal, unless the signal reaches it.
    private static let slowFile = "SlowToCompile.swift"

    /// Copies ServiceApp and its local packages (`Fixtures.copy`), so that resolving and building really run (some
    /// seconds), adds `slowFile` to the copy; runs `capcheck audit` on the copy and sends `signal` once
    /// a process whose command line passes `awaited` runs.
    private func interrupt(with signal: Int32, expecting status: Int32, once awaited: (String) -> Bool) throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.executable.path) else {
            throw XCTSkip("the capcheck executable is not built at \(CLI.executable.path); run `swift build` first")
        }
        let copy = try Fixtures.copy("ServiceApp", for: self)
        let slow = (0..<3000).map { "public func slow\($0)() -> Int { [1, 2, 3].map { $0 * \($0) }.filter { $0 > 2 }.reduce(0, +) }" }
        try slow.joined(separator: "\n").write(to: copy.path("Packages/service-core/Sources/ServiceCore/\(Self.slowFile)"),
                                               atomically: true, encoding: .utf8)
        let scratch = copy.scratchPath
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["audit", "--package-path", copy.packagePath.path, "--scratch-path", scratch.path, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        guard poll(within: 25, { RunningProcesses.mentioning(scratch.path).contains(where: awaited) }) else {
            return XCTFail("the awaited process did not run within 25 s (capcheck running: \(process.isRunning))")
        }
        let signalled = Date()
        kill(process.processIdentifier, signal)
        XCTAssertTrue(poll(within: 15) { !process.isRunning }, "capcheck did not exit within 15 s of the signal")
        process.waitUntilExit()
        // Every process got the signal and ended by itself: none waited out the grace period for SIGKILL (a compiler
        // in a group of its own that the signal missed would, or would finish its work first).
        XCTAssertLessThan(Date().timeIntervalSince(signalled), ChildProcesses.grace - 1)
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, status)

        let left = RunningProcesses.awaitNone(mentioning: scratch.path, within: 3)
        XCTAssertEqual(left, [], "processes capcheck started still run")
        let temporary = FileManager.default.enumerator(atPath: scratch.path)?.compactMap { $0 as? String }.filter { $0.contains(".tmp-") }
        XCTAssertEqual(temporary ?? [], [], "temporary files left behind")
    }

    /// Whether `condition` holds within `seconds`, checked every 100 ms.
    private func poll(within seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !condition() {
            if Date() >= deadline { return false }
            usleep(100_000)
        }
        return true
    }
}
