import CapCheckCore
import Foundation
import XCTest

/// `check --sandbox` on Fixtures/SandboxProbe, whose dependency's build-tool plugin (granted `build`) writes a file
/// to `CAPCHECK_PROBE_DIR` and connects to 127.0.0.1:`CAPCHECK_PROBE_PORT` when those are set. Without the sandbox
/// both succeed (so the test can fail); under it, each makes the build fail. The plugin runs at every build.
final class SandboxTests: XCTestCase {
    private let package = Fixtures.packagePath("SandboxProbe").path
    private let scratch = Fixtures.scratchPath("SandboxProbe").path

    private func check(sandbox: Bool, _ environment: [String: String]) throws -> CLI.Outcome {
        try CLI.run(["check", "--package-path", package, "--scratch-path", scratch, "--quiet"] + (sandbox ? ["--sandbox"] : []),
                           environment: environment)
    }

    func testSandboxStopsAPluginWritingOutsideTheScratchFolderOrConnecting() throws {
        guard ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/bwrap") }) == true else {
            return XCTFail("bwrap is not installed (.ci/run installs Debian's bubblewrap)")
        }
        // Outside the scratch folder and outside /tmp (the sandbox's /tmp is private, a write there would succeed).
        let probe = Fixtures.repositoryRoot.appendingPathComponent(".build/sandbox-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        let marker = probe.appendingPathComponent("written-by-plugin")
        let listener = try LoopbackListener()
        defer { listener.close() }
        let probeBoth = ["CAPCHECK_PROBE_DIR": probe.path, "CAPCHECK_PROBE_PORT": String(listener.port)]

        let open = try check(sandbox: false, probeBoth)
        XCTAssertEqual(open.status, 0, open.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "without --sandbox the plugin writes its file")
        XCTAssertTrue(waitFor { listener.connections == 1 }, "without --sandbox the plugin connects")
        try FileManager.default.removeItem(at: marker)

        let write = try check(sandbox: true, ["CAPCHECK_PROBE_DIR": probe.path])
        XCTAssertEqual(write.status, 2, write.stderr)
        XCTAssertTrue(write.stderr.contains("ProbePlugin could not write"), write.stderr)
        XCTAssertTrue(write.stderr.contains("in the sandbox (--sandbox)"), write.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))

        let connect = try check(sandbox: true, ["CAPCHECK_PROBE_PORT": String(listener.port)])
        XCTAssertEqual(connect.status, 2, connect.stderr)
        XCTAssertTrue(connect.stderr.contains("ProbePlugin could not connect"), connect.stderr)
        XCTAssertEqual(listener.connections, 1)

        // The sandbox itself builds: a plugin that stays in its lane passes.
        let quiet = try check(sandbox: true, [:])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
    }

    func testMissingBubblewrapIsAClearError() throws {
        let swiftFolder = try Toolchain.locate().swiftExecutable.resolvingSymlinksInPath().deletingLastPathComponent().path
        let outcome = try CLI.run(["check", "--package-path", package, "--scratch-path", scratch, "--sandbox", "--quiet"],
                                  environment: ["PATH": "/nonexistent:" + swiftFolder])
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("--sandbox needs bubblewrap (`bwrap`)"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("apt-get install bubblewrap"), outcome.stderr)
    }

    private func waitFor(_ condition: () -> Bool) -> Bool {
        for _ in 0..<50 {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }
}
