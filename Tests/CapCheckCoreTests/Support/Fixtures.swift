@testable import CapCheckCore
import Foundation
import XCTest

/// The fixture packages under `Fixtures/`, each built once per test run (debug, which writes the index store)
/// into `.build/fixtures/<name>`, then analysed with `--skip-build` by as many tests as need it.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func packagePath(_ name: String) -> URL { repositoryRoot.appendingPathComponent("Fixtures/\(name)") }
    static func scratchPath(_ name: String) -> URL { repositoryRoot.appendingPathComponent(".build/fixtures/\(name)") }

    /// Grants for DemoApp's dependencies other than c-socket: exactly the fs each one reaches.
    static let demoFileGrants = """
        "witness-fs": { "allow": ["fs"] }, "closure-fs": { "allow": ["fs"] }, "global-init-fs": { "allow": ["fs"] },
        "deinit-fs": { "allow": ["fs"] }, "description-fs": { "allow": ["fs"] },
        "granted-fs": { "allow": ["fs"] }, "nested-parent": { "allow": ["fs"] }, "nested-child": { "allow": ["fs"] },
        "inherited-main": { "allow": ["fs"] }
        """

    /// A policy for DemoApp granting every dependency what it reaches: `check` passes with it.
    static let demoPolicyGrantingAll = """
        { "version": 1, "packages": { \(demoFileGrants), "c-socket": { "allow": ["net", "ffi"] } } }
        """

    private static let lock = NSLock()
    nonisolated(unsafe) private static var built: [String: Result<Void, Error>] = [:]

    /// Builds the fixture once (later calls reuse the outcome).
    static func build(_ name: String) throws {
        lock.lock(); defer { lock.unlock() }
        if let outcome = built[name] { return try outcome.get() }
        let outcome = Result {
            let options = Analyzer.Options(mode: .audit, packagePath: packagePath(name), scratchPath: scratchPath(name))
            let toolchain = try Toolchain.locate()
            if name == "BinaryApp" { try makeVendorLibrary(toolchain) }
            var builder = PackageBuilder(toolchain: toolchain, packagePath: options.packagePath, scratchPath: options.scratchPath)
            // SwiftPM's plan notices new files only in the root package; a fixture dependency may have gained one.
            builder.replan = true
            try builder.build(includeTests: false, echoProgress: false)
        }
        built[name] = outcome
        try outcome.get()
    }

    /// Compiles the static library of binary-vendor's artifact bundle (machine code is not checked in: the
    /// bundle must match the machine's architecture) with the toolchain's clang and llvm-ar.
    private static func makeVendorLibrary(_ toolchain: Toolchain) throws {
        let vendor = packagePath("Packages/binary-vendor")
        let library = vendor.appendingPathComponent("VendorBinary.artifactbundle/vendor/lib/libVendor.a")
        let object = scratchPath("BinaryApp-vendor.o")
        try FileManager.default.createDirectory(at: library.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: object.deletingLastPathComponent(), withIntermediateDirectories: true)
        let bin = toolchain.swiftExecutable.resolvingSymlinksInPath().deletingLastPathComponent()
        for (tool, arguments) in [("clang", ["-c", "-O1", vendor.appendingPathComponent("vendor-src/vendor.c").path, "-o", object.path]),
                                  ("llvm-ar", ["rcs", library.path, object.path])] {
            let result = try ProcessRunner.run(bin.appendingPathComponent(tool), arguments)
            guard result.status == 0 else { throw CapCheckError(.build, "\(tool) failed: \(result.stderr)") }
        }
    }

    /// Removes the last run's analysis snapshot, so that the next analysis runs every stage (for tests of the
    /// caches the snapshot would hide).
    /// Removes the fixture's kept graph and report (`AnalysisSnapshot`, `ReportCache`), so the next run works afresh.
    static func forgetSnapshot(_ name: String) {
        let layout = ScratchLayout(scratch: scratchPath(name))
        for file in [layout.analysis, layout.report(configuration: "debug")] { try? FileManager.default.removeItem(at: file) }
    }

    /// Builds (once) and analyses a fixture. `policy` overrides the fixture's own capabilities.json; `values` resolves
    /// every sink's value (`audit --values`).
    static func analyse(_ name: String, policy: String? = nil, usePolicy: Bool = true, values: Bool = false) throws -> AnalysisReport {
        try build(name)
        var options = Analyzer.Options(mode: usePolicy ? .check : .audit, packagePath: packagePath(name), scratchPath: scratchPath(name))
        options.skipBuild = true
        options.collectValues = values
        if let policy {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-policy-\(UUID().uuidString).json")
            try policy.write(to: file, atomically: true, encoding: .utf8)
            options.policyPath = file
        }
        return try Analyzer(options: options).run()
    }
}

/// Runs the built `capcheck` executable (from the same build folder as the tests).
enum CLI {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capcheck")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw XCTSkip("the capcheck executable is not built at \(executable.path); run `swift build` first")
        }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        let result = try ProcessRunner.run(executable, arguments, environment: env)
        return Outcome(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}

extension AnalysisReport {
    /// `package capability sink` for each violation, sorted: the exact-set assertions compare these.
    var violationKeys: [String] { violations.map { "\($0.package) \($0.capability) \($0.sink)" }.sorted() }

    func summary(of identity: String) -> PackageSummary? { packages.first { $0.identity == identity } }
}
