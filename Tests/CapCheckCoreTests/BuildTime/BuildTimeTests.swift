@testable import CapCheckCore
import Foundation
import XCTest

/// Build-time code on Fixtures/BuildTimeApp: a dependency's build-tool plugin and macro run during the build and
/// need `build`; a command plugin, and a build-tool plugin only a target outside the build uses, do not run. The refusal comes before any
/// build, so the fixture (whose macro needs swift-syntax) is never built.
final class BuildTimeTests: XCTestCase {
    private static let scratch = Fixtures.scratchPath("BuildTimeApp")

    private func packageGraph() throws -> PackageGraph {
        try PackageGraphLoader(toolchain: Toolchain.locate(), packagePath: Fixtures.packagePath("BuildTimeApp"), scratchPath: Self.scratch).load()
    }

    private func preBuildReport(_ policy: String) throws -> AnalysisReport {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-policy-\(UUID().uuidString).json")
        try policy.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let toolchain = try Toolchain.locate()
        let naming = SymbolNaming(demangler: try SwiftDemangler(libraryPath: toolchain.library("libswiftDemangle.so", override: "CAPCHECK_LIBSWIFTDEMANGLE")))
        return BuildTimeCheck(packageGraph: try packageGraph(), catalog: try SinkCatalog.bundled(), naming: naming)
            .run(policy: try PolicyLoader.load(contentsOf: file))
    }

    func testCheckRefusesToBuildUngrantedBuildTimeCode() throws {
        // Whatever an earlier run left, the build's outputs must not exist afterwards: nothing was built.
        let outputs = ((try? FileManager.default.contentsOfDirectory(atPath: Self.scratch.path)) ?? [])
            .filter { $0 == "debug" || $0.hasSuffix("-linux-gnu") || $0 == "plugins" }
        for output in outputs { try FileManager.default.removeItem(at: Self.scratch.appendingPathComponent(output)) }

        let outcome = try CLI.run(["check", "--package-path", Fixtures.packagePath("BuildTimeApp").path,
                                   "--scratch-path", Self.scratch.path, "--format", "json"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("Not building: 2 build-time target(s) would run without a `build` grant"), outcome.stderr)
        let report = try JSONDecoder().decode(AnalysisReport.self, from: Data(outcome.stdout.utf8))
        XCTAssertEqual(report.violationKeys, ["probe-plugin build build-tool plugin ProbePlugin", "stringify-macro build macro StringifyMacros"])
        for output in ["debug", "plugins"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: Self.scratch.appendingPathComponent(output).path), "\(output) was built")
        }

        // The path says why it runs: the root's target uses Probed, whose target uses the plugin.
        let plugin = try XCTUnwrap(report.violations.first { $0.package == "probe-plugin" })
        XCTAssertEqual(plugin.path.map(\.symbol), ["target BuildTimeApp", "target Probed", "build-tool plugin ProbePlugin",
                                                   "build-tool plugin ProbePlugin"])
        XCTAssertEqual(plugin.path.map(\.via), [nil, "build dependency", "build-tool plugin it uses", "runs at build time"])
        XCTAssertTrue(plugin.path[2].file.hasSuffix("Packages/probe-plugin/Package.swift"))
        XCTAssertEqual(plugin.path[2].line, 14)  // `.plugin(name: "ProbePlugin", …)`
        let macro = try XCTUnwrap(report.violations.first { $0.package == "stringify-macro" })
        XCTAssertEqual(macro.path.map(\.symbol), ["target BuildTimeApp", "target Stringify", "macro StringifyMacros", "macro StringifyMacros"])
    }

    /// `audit`, `explain` and `init` build too: without `build` grants (BuildTimeApp's policy has none) they refuse
    /// with an error before anything is built, unless the user consents with `--allow-build-time-code`; `check`
    /// takes no such consent.
    func testEveryBuildingCommandRefusesUngrantedBuildTimeCode() throws {
        let outputs = ((try? FileManager.default.contentsOfDirectory(atPath: Self.scratch.path)) ?? [])
            .filter { $0 == "debug" || $0.hasSuffix("-linux-gnu") || $0 == "plugins" }
        for output in outputs { try FileManager.default.removeItem(at: Self.scratch.appendingPathComponent(output)) }
        let paths = ["--package-path", Fixtures.packagePath("BuildTimeApp").path, "--scratch-path", Self.scratch.path, "--quiet"]

        for command in [["audit"], ["explain", "probe-plugin"], ["init", "--policy", NSTemporaryDirectory() + "capcheck-init-\(UUID().uuidString).json"],
                        ["audit", "--build-time-only"]] {
            let refused = try CLI.run(command + paths)
            XCTAssertEqual(refused.status, 2, "\(command): \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains(
                "not building: build-tool plugin ProbePlugin of probe-plugin, macro StringifyMacros of stringify-macro would run at build time without a `build` grant"),
                "\(command): \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains("pass --allow-build-time-code to build anyway"), refused.stderr)
        }
        for output in ["debug", "plugins"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: Self.scratch.appendingPathComponent(output).path), "\(output) was built")
        }

        // Consent, or a policy that grants `build`, lets the build go ahead (only the decision is run here: the
        // fixture's macro would build swift-syntax).
        XCTAssertEqual(try CLI.run(["audit", "--build-time-only", "--allow-build-time-code"] + paths).status, 0)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-policy-\(UUID().uuidString).json")
        try #"{ "version": 1, "packages": { "probe-plugin": { "allow": ["build"] }, "stringify-macro": { "allow": ["build"] } } }"#
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertEqual(try CLI.run(["audit", "--build-time-only", "--policy", file.path] + paths).status, 0)

        let check = try CLI.run(["check", "--allow-build-time-code"] + paths)
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.stderr.contains("check never builds plugins or macros without their `build` grant"), check.stderr)
    }

    /// `check --build-time-only` (what the command plugin runs before it asks SwiftPM to build): the same refusal,
    /// and with every `build` grant in place, exit 0 without building anything.
    func testBuildTimeOnlyCheckNeverBuilds() throws {
        let arguments = ["check", "--build-time-only", "--package-path", Fixtures.packagePath("BuildTimeApp").path,
                         "--scratch-path", Self.scratch.path, "--format", "json", "--quiet"]
        let refused = try CLI.run(arguments)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertEqual(try JSONDecoder().decode(AnalysisReport.self, from: Data(refused.stdout.utf8)).violationKeys,
                       ["probe-plugin build build-tool plugin ProbePlugin", "stringify-macro build macro StringifyMacros"])

        let policy = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-policy-\(UUID().uuidString).json")
        try #"{ "version": 1, "packages": { "probe-plugin": { "allow": ["build"] }, "stringify-macro": { "allow": ["build"] } } }"#
            .write(to: policy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: policy) }
        let granted = try CLI.run(arguments + ["--policy", policy.path, "--strict"])
        XCTAssertEqual(granted.status, 0, granted.stderr)
        XCTAssertEqual(try JSONDecoder().decode(AnalysisReport.self, from: Data(granted.stdout.utf8)).violations, [])
        for output in ["debug", "plugins"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: Self.scratch.appendingPathComponent(output).path), "\(output) was built")
        }
    }

    func testDeclaredPluginsThatNeverRunAreNotBuildTimeCode() throws {
        let code = BuildTimeCode(graph: try packageGraph())
        let entries = Dictionary(uniqueKeysWithValues: code.entries.map { ("\($0.package)/\($0.target.name)", $0) })
        XCTAssertEqual(entries["probe-plugin/ProbePlugin"]?.runs, true)
        XCTAssertEqual(entries["probe-plugin/ProbePlugin"]?.users, ["probe-plugin/Probed"])
        XCTAssertEqual(entries["stringify-macro/StringifyMacros"]?.runs, true)
        XCTAssertEqual(entries["stringify-macro/StringifyMacros"]?.users, ["stringify-macro/Stringify"])
        XCTAssertEqual(entries["probe-plugin/ProbeCommand"]?.kind, .commandPlugin)
        XCTAssertEqual(entries["probe-plugin/ProbeCommand"]?.runs, false)
        XCTAssertEqual(entries["probe-plugin/IdlePlugin"]?.runs, false)
        XCTAssertEqual(code.running.map(\.target.name).sorted(), ["ProbePlugin", "StringifyMacros"])

        let reasons = UnanalyzedCode.find(in: try packageGraph()).map(\.reason)
        XCTAssertTrue(reasons.contains { $0.hasPrefix("command plugin ProbeCommand: runs only when invoked with `swift package`") }, "\(reasons)")
        XCTAssertTrue(reasons.contains { $0.hasPrefix("build-tool plugin IdlePlugin: no target the build covers uses it") }, "\(reasons)")
    }

    func testGrantingBuildLetsTheBuildGoAhead() throws {
        let granted = try preBuildReport("""
            { "version": 1, "packages": { "probe-plugin": { "allow": ["build"] }, "stringify-macro": { "allow": ["build"] } } }
            """)
        XCTAssertEqual(granted.violations, [])
        XCTAssertEqual(granted.summary(of: "probe-plugin")?.reached, ["build"])
        XCTAssertEqual(granted.summary(of: "stringify-macro")?.reached, ["build"])
        XCTAssertEqual(granted.unusedGrants, [])

        // Scoped to the build (`"from": "build"`), the grants cover what the build runs just as well.
        let scoped = try preBuildReport("""
            { "version": 1, "packages": { "probe-plugin": { "allow": ["build"], "from": "build" },
                                          "stringify-macro": { "allow": ["build"], "from": "build" } } }
            """)
        XCTAssertEqual(scoped.violations, [])
        XCTAssertEqual(scoped.unusedGrants, [])

        let partly = try preBuildReport("""
            { "version": 1, "packages": { "probe-plugin": { "allow": ["build", "fs"] } } }
            """)
        XCTAssertEqual(partly.violationKeys, ["stringify-macro build macro StringifyMacros"])
        // Before building only `build` is judged: the fs grant is not reported as unused yet.
        XCTAssertEqual(partly.unusedGrants, [])
    }

    func testBuildIsACodePropertyOfTheOwningPackage() throws {
        // `inherit` passes the root's authority on, but `build` is judged under the plugin's own package: with the
        // root granting nothing explicitly and `deny`, the plugin's package is blamed, not the root.
        let report = try preBuildReport(#"{ "version": 1, "unlisted": "inherit", "packages": { "probe-plugin": { "allow": [] } } }"#)
        XCTAssertEqual(report.violationKeys, ["probe-plugin build build-tool plugin ProbePlugin"])
    }

    func testUnsafeFlagsThatRunAProgramAreBuildTimeCode() throws {
        // tool-flags' CToolFlags passes `-B/tmp/…` to clang (clang then runs the linker and assembler it finds there);
        // CQuietFlags' `-D` runs nothing. Both settings, and the linked library, are reported as unanalysed.
        let paths = ["--package-path", Fixtures.packagePath("ToolFlagsApp").path,
                     "--scratch-path", Fixtures.scratchPath("ToolFlagsApp").path, "--format", "json", "--quiet"]
        let refused = try CLI.run(["check", "--build-time-only"] + paths)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        let report = try JSONDecoder().decode(AnalysisReport.self, from: Data(refused.stdout.utf8))
        // CResponseFlags' `-Wl,@link.rsp`: a response file may hold any flag, so it counts as one that runs a program.
        // hidden-flags' manifest makes the setting's kind at run time (`"unsafe" + "Flags"`): read from dump-package
        // all the same, as for every package SwiftPM lets use unsafe flags.
        // CDriverFlags' `-Xclang-linker --gcc-toolchain=<dir>` (clang runs the linker found there) is on no list of
        // flags that run programs: every flag but the known quiet ones counts.
        // binary-linkflags' `link "m --ld-path=…"` is in a module map inside its artifact bundle (the thirtieth sweep's).
        XCTAssertEqual(report.violationKeys, ["binary-linkflags build program run by the unsafe flags of LinkFlagsBinary",
                                              "hidden-flags build program run by the unsafe flags of HiddenFlags",
                                              "tool-flags build program run by the unsafe flags of CDriverFlags",
                                              "tool-flags build program run by the unsafe flags of CResponseFlags",
                                              "tool-flags build program run by the unsafe flags of CToolFlags"])
        XCTAssertEqual(report.summary(of: "tool-flags")?.buildTimeTargets, ["CDriverFlags", "CResponseFlags", "CToolFlags"], "so `diff` alarms when an update adds one")
        XCTAssertEqual(report.unanalyzed.filter { $0.package == "tool-flags" }.map { "\($0.target ?? "") \($0.kind?.rawValue ?? "")" },
                       ["CToolFlags unsafeFlags", "CToolFlags linkedLibrary", "CResponseFlags unsafeFlags", "CQuietFlags unsafeFlags",
                        "CDriverFlags unsafeFlags"])

        let policy = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-policy-\(UUID().uuidString).json")
        try #"{ "version": 1, "packages": { "tool-flags": { "allow": ["build"] }, "hidden-flags": { "allow": ["build"] }, "binary-linkflags": { "allow": ["build"] } } }"#
            .write(to: policy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: policy) }
        XCTAssertEqual(try CLI.run(["check", "--build-time-only", "--policy", policy.path] + paths).status, 0)
    }
}
