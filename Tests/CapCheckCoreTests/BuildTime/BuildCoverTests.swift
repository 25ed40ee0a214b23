@testable import CapCheckCore
import Foundation
import XCTest

/// Which targets a build covers beyond the root's dependency closure, on Fixtures/BuildCoverApp (decided with
/// `check --build-time-only`, never built): SwiftPM 6.3 plans every library and executable product of every package
/// of the graph, used or not, so the build-tool plugins of their targets run (`unused-product`); and what a plugin's
/// tool or a macro depends on is built for the host, with the build-tool plugins of those targets (`tool-host`); and a
/// dependency a trait enables counts whatever the graph enables (`trait-gated`).
final class BuildCoverTests: XCTestCase {
    private func buildTimeReport() throws -> AnalysisReport {
        let outcome = try CLI.run(["check", "--build-time-only", "--package-path", Fixtures.packagePath("BuildCoverApp").path,
                                   "--scratch-path", Fixtures.scratchPath("BuildCoverApp").path, "--format", "json", "--quiet"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        return try JSONDecoder().decode(AnalysisReport.self, from: Data(outcome.stdout.utf8))
    }

    func testPluginsOfProductsNothingUsesRun() throws {
        let report = try buildTimeReport()
        XCTAssertEqual(report.violationKeys.filter { $0.hasPrefix("unused-product ") },
                       ["unused-product build build-tool plugin ExtrasPlugin"], "not LoosePlugin: its targets are in no product, or tests")
        let extras = try XCTUnwrap(report.violations.first { $0.sink == "build-tool plugin ExtrasPlugin" })
        XCTAssertEqual(extras.path.map(\.symbol), ["swift build (build-time code of the graph)", "target Extras", "build-tool plugin ExtrasPlugin",
                                                   "build-tool plugin ExtrasPlugin"])
        XCTAssertEqual(report.summary(of: "unused-product")?.buildTimeTargets, ["ExtrasPlugin", "LoosePlugin"])
    }

    func testWhatToolsAndMacrosDependOnIsBuiltWithItsPlugins() throws {
        XCTAssertEqual(try buildTimeReport().violationKeys.filter { $0.hasPrefix("tool-host ") }, [
            "tool-host build build-tool plugin HostPlugin", "tool-host build build-tool plugin MacroSupportPlugin",
            "tool-host build build-tool plugin SupportPlugin", "tool-host build executable run by a plugin HostTool",
            "tool-host build macro HostMacro",
        ])

        // `describe` lists products for the fixture's executable and macro, which the build covers anyway; without
        // them, only the tool's and the macro's dependencies bring their plugins into the build.
        func target(_ name: String, _ kind: Target.Kind = .swift, uses: [String] = [], capability: String? = nil) -> Target {
            Target(name: name, moduleName: name, kind: kind, path: "/host/\(name)", isTest: false, targetDependencies: uses,
                   pluginCapability: capability)
        }
        let host = Package(identity: "tool-host", name: "tool-host", path: "/host", version: nil, targets: [
            target("HostPlugin", .plugin, uses: ["HostTool"], capability: "buildTool"), target("HostTool", uses: ["ToolSupport"]),
            target("ToolSupport", uses: ["SupportPlugin"]), target("SupportPlugin", .plugin, capability: "buildTool"),
            target("HostMacro", .macro, uses: ["MacroSupport"]), target("MacroSupport", uses: ["MacroSupportPlugin"]),
            target("MacroSupportPlugin", .plugin, capability: "buildTool"), target("HostLib", uses: ["HostMacro", "HostPlugin"]),
        ], products: [Product(name: "HostLib", targets: ["HostLib"])])
        var app = target("App")
        app.productDependencies = ["HostLib"]
        let root = Package(identity: "app", name: "App", path: "/app", version: nil, targets: [app])
        let code = BuildTimeCode(graph: PackageGraph(root: root, packages: [root, host], dependencies: ["app": ["tool-host"], "tool-host": []]))
        XCTAssertEqual(code.running.map(\.target.name).sorted(),
                       ["HostMacro", "HostPlugin", "HostTool", "MacroSupportPlugin", "SupportPlugin"])
    }

    /// BuildCoverApp enables `trait-gated`'s trait `Fast`, under which `GatedLib` depends on `GatedGen` (in no product),
    /// which uses `GatedPlugin`. `describe` run in `trait-gated`'s own folder sees the default traits, without `Fast`:
    /// capcheck describes every package with all its traits enabled.
    func testADependencyATraitEnablesIsBuilt() throws {
        let report = try buildTimeReport()
        XCTAssertEqual(report.violationKeys.filter { $0.hasPrefix("trait-gated ") }, ["trait-gated build build-tool plugin GatedPlugin"])
        let gated = try XCTUnwrap(report.violations.first { $0.sink == "build-tool plugin GatedPlugin" })
        XCTAssertEqual(gated.path.map(\.symbol), ["target BuildCoverApp", "target GatedLib", "target GatedGen", "build-tool plugin GatedPlugin",
                                                  "build-tool plugin GatedPlugin"])
    }
}
