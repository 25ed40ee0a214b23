import CapCheckCore
import Foundation
import XCTest

/// The pre-commit hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit tool (`pre-commit try-repo`) on a git
/// repository holding a fixture package: the hook fails on a violation and passes once the policy grants it.
/// (`capcheck-system`, which uses the capcheck on PATH — here this build's; `capcheck` itself builds capcheck in
/// release from this repository, minutes on two cores, so only its definition is validated.)
final class PreCommitHookTests: XCTestCase {
    func testTheHookFailsOnAViolationAndPassesOnACleanPackage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-precommit-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let repository = folder.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("Packages"), withIntermediateDirectories: true)
        // The app at the repository root, its local dependencies beside it (the manifest's relative paths adjusted).
        let app = Fixtures.packagePath("ServiceApp")
        for item in try FileManager.default.contentsOfDirectory(atPath: app.path) where item != ".build" {
            try FileManager.default.copyItem(at: app.appendingPathComponent(item), to: repository.appendingPathComponent(item))
        }
        for name in ["service-core", "refined-default", "superclass-default", "conditional-default", "retroactive-framework", "socket-lib"] {
            try FileManager.default.copyItem(at: Fixtures.packagePath("Packages/\(name)"), to: repository.appendingPathComponent("Packages/\(name)"))
        }
        let manifest = repository.appendingPathComponent("Package.swift")
        try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "../Packages/", with: "Packages/")
            .write(to: manifest, atomically: true, encoding: .utf8)
        try ".build/\nPackage.resolved\n".write(to: repository.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        try git(["init", "-q"], in: repository)
        try git(["add", "-A"], in: repository)
        try git(["commit", "-qm", "fixture"], in: repository)

        let path = CLI.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let hooks = Fixtures.repositoryRoot.path
        // Outside the assertion, so that a missing pre-commit skips the test (an XCTSkip thrown inside an assertion's
        // autoclosure is reported as a failure).
        let validation = try ExternalTools.preCommit(["validate-manifest", hooks + "/.pre-commit-hooks.yaml"], in: repository, path: path)
        XCTAssertEqual(validation.status, 0, validation.stdout + validation.stderr)

        let failing = try ExternalTools.preCommit(["try-repo", hooks, "capcheck-system", "--all-files"], in: repository, path: path)
        XCTAssertNotEqual(failing.status, 0, failing.stdout + failing.stderr)
        XCTAssertTrue(failing.stdout.contains("violations"), failing.stdout)

        let grants = ["refined-default": ["net"], "superclass-default": ["env", "fs"], "conditional-default": ["exec"],
                      "retroactive-framework": ["net"], "socket-lib": ["net"]]
            .map { "\"\($0.key)\": { \"allow\": [\($0.value.map { "\"\($0)\"" }.joined(separator: ", "))] }" }.joined(separator: ", ")
        try #"{ "version": 1, "packages": { \#(grants) } }"#.write(to: repository.appendingPathComponent("capabilities.json"), atomically: true,
                                                                    encoding: .utf8)
        try git(["add", "-A"], in: repository)
        let passing = try ExternalTools.preCommit(["try-repo", hooks, "capcheck-system", "--all-files"], in: repository, path: path)
        XCTAssertEqual(passing.status, 0, passing.stdout + passing.stderr)
    }

    private func git(_ arguments: [String], in directory: URL) throws {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_NAME": "capcheck", "GIT_AUTHOR_EMAIL": "capcheck@example.invalid",
                             "GIT_COMMITTER_NAME": "capcheck", "GIT_COMMITTER_EMAIL": "capcheck@example.invalid"] {
            environment[key] = value
        }
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory, environment: environment)
        guard result.status == 0 else { throw CapCheckError(.io, "git \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
    }
}
