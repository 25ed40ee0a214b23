@testable import CapCheckCore
import CapCheckPluginSupport
import Foundation
import XCTest

/// The tool's side of the plugin: `capcheck plugin-plan` prints the library's plan, and `--swiftpm-holds-lock` (the
/// plugin's way to say the SwiftPM running it holds the scratch folder's lock) makes every `swift package` query pass
/// `--ignore-lock` and building an error.
final class PluginToolTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-plugin-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testPluginPlanPrintsTheLibrarysPlanAndSaysRefusalsAsErrors() throws {
        let context = PluginPlanner.Context(packagePath: "/p/App", packageName: "App", pluginWorkDirectory: "/s/plugins/CapCheckPlugin/outputs")
        let request = ["plugin-plan", "--package-path", context.packagePath, "--package-name", context.packageName,
                       "--plugin-work-directory", context.pluginWorkDirectory, "--"]
        let arguments = ["explain", "witness-fs", "--quiet", "--", "--odd-name"]
        let planned = try CLI.run(request + arguments)
        XCTAssertEqual(planned.status, 0, planned.stderr)
        XCTAssertEqual(try JSONDecoder().decode(PluginPlan.self, from: Data(planned.stdout.utf8)),
                       try PluginPlanner(context: context).plan(arguments: arguments), "everything after the first -- is the plugin's")

        let refused = try CLI.run(request + ["--scratch-path", "elsewhere"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.hasPrefix("error: capcheck: the plugin sets --scratch-path itself"), refused.stderr)
    }

    func testAToolThatMayNotTakeTheLockRefusesToBuild() throws {
        for arguments in [["check"], ["audit", "--allow-build-time-code"]] {
            let outcome = try CLI.run(arguments + ["--package-path", folder.path, "--scratch-path", folder.appendingPathComponent("s").path,
                                                   "--swiftpm-holds-lock", "--quiet"])
            XCTAssertEqual(outcome.status, 2, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("--swiftpm-holds-lock: capcheck cannot build while the SwiftPM that runs it holds the lock"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("pass --skip-build"), outcome.stderr)
        }
    }

    /// A `swift` that logs its arguments and answers SwiftPM's three queries for a package with no dependencies (the
    /// root may use unsafe flags, so its `dump-package` is always read).
    func testEverySwiftPackageQueryIgnoresTheLockOnlyWhenSwiftPMHoldsIt() throws {
        let log = folder.appendingPathComponent("swift.log")
        let swift = folder.appendingPathComponent("swift")
        try """
            #!/bin/sh
            echo "$*" >> '\(log.path)'
            case "$*" in
              *show-dependencies*) echo '{"identity":"app","name":"App","path":"\(folder.path)","version":"unspecified","dependencies":[]}' ;;
              *describe*) echo '{"targets":[],"products":[]}' ;;
              *dump-package*) echo '{"targets":[]}' ;;
            esac
            """.write(to: swift, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swift.path)
        try "// swift-tools-version:6.0\n".write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let toolchain = try Toolchain.locate(environment: ["CAPCHECK_SWIFT": swift.path])
        for held in [false, true] {
            try? FileManager.default.removeItem(at: log)
            var loader = PackageGraphLoader(toolchain: toolchain, packagePath: folder, scratchPath: folder.appendingPathComponent("scratch-\(held)"))
            loader.swiftPMHoldsLock = held
            XCTAssertEqual(try loader.load().root.identity, "app")
            let queries = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(queries.count, 3, "\(queries)")
            for query in queries {
                XCTAssertTrue(query.hasPrefix("package "), String(query))
                XCTAssertEqual(query.contains("--ignore-lock"), held, String(query))
            }
        }
    }
}
