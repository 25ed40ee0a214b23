import CapCheckCore
import Foundation
import XCTest

/// The counts of the long stages on standard error: one line rewritten in place on a terminal (run here under a
/// pseudo-terminal with `script`), whole lines in a pipe, nothing with `--quiet`.
final class ProgressTests: XCTestCase {
    private var arguments: [String] {
        ["audit", "--package-path", Fixtures.packagePath("NativeApp").path, "--scratch-path", Fixtures.scratchPath("NativeApp").path,
         "--skip-build", "--output", "/dev/null"]
    }

    override func setUpWithError() throws {
        try Fixtures.build("NativeApp")
        Fixtures.forgetSnapshot("NativeApp")  // the stages must run, not the last run's graph be reused
    }

    func testAPipeGetsWholeLinesWithTheCounts() throws {
        let outcome = try CLI.run(arguments)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.split(separator: "\n").contains { $0.hasPrefix("capcheck: reading index records: ") && $0.contains("/") },
                      outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("capcheck: scanning Swift sources: "), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("\r"), "no carriage returns in a log")
    }

    func testATerminalGetsOneLineUpdatedInPlace() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else { throw XCTSkip("needs script(1) from util-linux") }
        guard FileManager.default.isExecutableFile(atPath: CLI.executable.path) else { throw XCTSkip("capcheck is not built") }
        let command = ([CLI.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try ProcessRunner.run(script, ["-qfec", command, "/dev/null"])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("\r\u{1B}[2Kcapcheck: reading index records: "), result.stdout)
    }

    func testQuietShowsNothing() throws {
        let outcome = try CLI.run(arguments + ["--quiet"])
        XCTAssertEqual(outcome.stderr, "")
    }
}

/// `--output` to something that is not a regular file is written to, never replaced: `--output /dev/null` run as root
/// once replaced the machine's /dev/null with a regular file (a rename over it).
final class OutputFileTests: XCTestCase {
    func testARegularFileIsReplacedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.txt").path
        try OutputFile.write("first report\n", to: file)
        try OutputFile.write("second\n", to: file)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "second\n")
        XCTAssertThrowsError(try OutputFile.write("x", to: folder.path), "a folder is not overwritten")
    }

    func testDevNullStaysADevice() throws {
        try OutputFile.write("nothing\n", to: "/dev/null")
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
    }
}
