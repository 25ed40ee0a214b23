@testable import CapCheckPluginSupport
import Foundation
import XCTest

/// The command plugin's argument handling, as an ordinary library: PackagePlugin's `ArgumentExtractor` semantics,
/// and the steps `swift package capcheck …` runs (`.ci/plugin-integration` runs them through SwiftPM).
final class ArgumentExtractorTests: XCTestCase {
    func testOptionsInBothFormsAreExtractedWhereverTheyAre() {
        var extractor = ArgumentExtractor(["--policy", "a.json", "witness-fs", "--policy=b.json", "--format", "json", "--policy"])
        XCTAssertEqual(extractor.extractOption(named: "policy"), ["a.json", "b.json"], "a trailing --policy has no value")
        XCTAssertEqual(extractor.extractOption(named: "format"), ["json"])
        XCTAssertEqual(extractor.extractOption(named: "output"), [])
        XCTAssertEqual(extractor.remainingArguments, ["witness-fs"])
    }

    func testFlagsAreCountedWithTheirShortForms() {
        var extractor = ArgumentExtractor(["-q", "--strict", "--quiet", "--quietly", "-qq", "--strict"])
        XCTAssertEqual(extractor.extractFlag(named: "quiet", short: "q"), 2)
        XCTAssertEqual(extractor.extractFlag(named: "strict"), 2)
        XCTAssertEqual(extractor.remainingArguments, ["--quietly", "-qq"], "only whole arguments match")
    }

    func testLiteralsAfterTheTerminatorAreNeitherExtractedNorLost() {
        var extractor = ArgumentExtractor(["--quiet", "--", "--quiet", "--policy", "p"])
        XCTAssertTrue(extractor.contains("quiet"))
        XCTAssertFalse(extractor.contains("policy"))
        XCTAssertEqual(extractor.extractFlag(named: "quiet"), 1)
        XCTAssertEqual(extractor.extractOption(named: "policy"), [])
        XCTAssertEqual(extractor.remainingArguments, ["--", "--quiet", "--policy", "p"], "the terminator is kept for the tool")
        XCTAssertEqual(ArgumentExtractor(["a", "--"]).remainingArguments, ["a", "--"])
    }

    func testContainsSeesEveryFormAndExtractsNothing() {
        let extractor = ArgumentExtractor(["--scratch-path=s", "-h"])
        XCTAssertTrue(extractor.contains("scratch-path"))
        XCTAssertTrue(extractor.contains("help", short: "h"))
        XCTAssertFalse(extractor.contains("help"))
        XCTAssertFalse(extractor.contains("scratch"), "a prefix of a name is another name")
        XCTAssertEqual(extractor.remainingArguments, ["--scratch-path=s", "-h"])
    }
}

final class PluginPlannerTests: XCTestCase {
    private let planner = PluginPlanner(context: .init(packagePath: "/p/App", packageName: "App",
                                                       pluginWorkDirectory: "/p/App/.build/plugins/CapCheckPlugin/outputs"))
    /// What every run of the tool gets from the plugin.
    private let paths = ["--package-path", "/p/App", "--scratch-path", "/p/App/.build", "--swiftpm-holds-lock"]
    private let building = "capcheck: building App (debug, indexing every target)…"
    private let failed = "capcheck: the build of App failed; fix the errors above, then run `swift package capcheck` again"

    private func refusal(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let plan = try planner.plan(arguments: arguments)
            XCTFail("\(arguments) was not refused: \(plan)", file: file, line: line)
            return ""
        } catch {
            return (error as? PluginRefusal)?.message ?? "\(error)"
        }
    }

    func testCheckIsTheDefaultAndChecksBuildTimeCodeBeforeItBuilds() throws {
        let plan = try planner.plan(arguments: ["--strict", "--format", "sarif", "--output", "c.sarif", "--policy", "p.json"])
        XCTAssertEqual(plan.steps, [
            .preCheck(["check", "--build-time-only", "--quiet"] + paths + ["--format", "sarif", "--output", "c.sarif", "--policy", "p.json"]),
            .build(includeTests: false, progress: building, failure: failed),
            .run(["check", "--skip-build"] + paths + ["--strict", "--format", "sarif", "--output", "c.sarif", "--policy", "p.json"]),
        ])
        XCTAssertEqual(try planner.plan(arguments: []).steps.last, .run(["check", "--skip-build"] + paths))
        XCTAssertEqual(try planner.plan(arguments: ["check"]), try planner.plan(arguments: []))
    }

    func testQuietAndIncludeTestsReachTheBuild() throws {
        for quiet in ["--quiet", "-q"] {
            let plan = try planner.plan(arguments: [quiet, "--include-tests"])
            XCTAssertEqual(plan.steps[0].arguments, ["check", "--build-time-only", "--quiet"] + paths + ["--include-tests"],
                           "the pre-check is quiet once, and builds what the build will")
            XCTAssertEqual(plan.steps[1], .build(includeTests: true, progress: nil, failure: failed))
            XCTAssertEqual(plan.steps[2].arguments, ["check", "--skip-build"] + paths + [quiet, "--include-tests"])
        }
    }

    func testOtherSubcommandsPreCheckWithAuditAndOnlyTheOptionsThatMatter() throws {
        let explain = try planner.plan(arguments: ["explain", "witness-fs", "fs", "--policy", "a.json", "--policy=b.json",
                                                   "--allow-build-time-code", "--include-tests", "--format", "json"])
        XCTAssertEqual(explain.steps, [
            .preCheck(["audit", "--build-time-only", "--quiet"] + paths + ["--allow-build-time-code", "--include-tests", "--policy", "b.json"]),
            .build(includeTests: true, progress: building, failure: failed),
            .run(["explain", "--skip-build"] + paths + ["witness-fs", "fs", "--policy", "a.json", "--policy=b.json",
                                                       "--allow-build-time-code", "--include-tests", "--format", "json"]),
        ])
        XCTAssertEqual(try planner.plan(arguments: ["audit", "--format", "html"]).steps.first,
                       .preCheck(["audit", "--build-time-only", "--quiet"] + paths))
        // init's --policy names the file it writes, not the grants.
        XCTAssertEqual(try planner.plan(arguments: ["init", "--policy", "new.json", "--force"]).steps.first,
                       .preCheck(["audit", "--build-time-only", "--quiet"] + paths))
        XCTAssertEqual(try planner.plan(arguments: ["init", "--policy", "new.json", "--force"]).steps.last,
                       .run(["init", "--skip-build"] + paths + ["--policy", "new.json", "--force"]))
    }

    func testHelpNeedsNoBuild() throws {
        XCTAssertEqual(try planner.plan(arguments: ["audit", "--help"]).steps, [.run(["audit", "--skip-build"] + paths + ["--help"])])
        XCTAssertEqual(try planner.plan(arguments: ["-h"]).steps, [.run(["check", "--skip-build"] + paths + ["-h"])])
    }

    func testOptionsThePluginSetsOrCannotHonourAreRefusedWithWhatToDo() {
        for form in [["--scratch-path", "s"], ["--scratch-path=s"]] {
            let message = refusal(["audit"] + form)
            XCTAssertTrue(message.contains("the plugin sets --scratch-path itself"), message)
            XCTAssertTrue(message.contains("`swift package --scratch-path S capcheck`"), message)
        }
        XCTAssertTrue(refusal(["--package-path", "."]).contains("`swift package --package-path P capcheck`"))
        XCTAssertTrue(refusal(["--skip-build"]).contains("run the capcheck executable with --skip-build"))
        XCTAssertTrue(refusal(["--swiftpm-holds-lock"]).contains("the plugin sets --swiftpm-holds-lock itself"))
        let sandbox = refusal(["check", "--sandbox"])
        XCTAssertTrue(sandbox.contains("--sandbox does not work through the plugin") && sandbox.contains("run the capcheck executable with --sandbox"), sandbox)
        let release = refusal(["audit", "--configuration", "both"])
        XCTAssertTrue(release.contains("--configuration both does not work through the plugin")
                      && release.contains("`capcheck check --configuration both`"), release)
        XCTAssertNoThrow(try planner.plan(arguments: ["check", "--configuration=debug"]))
        let diff = refusal(["diff", "--base", "main"])
        XCTAssertTrue(diff.contains("`diff` does not run through the plugin") && diff.contains("capcheck diff --base <ref>"), diff)
        // After `--` they are literals (a package named so, say), not options.
        XCTAssertNoThrow(try planner.plan(arguments: ["explain", "--", "--sandbox"]))
    }

    func testTheScratchFolderFollowsFromThePluginsWorkFolderWhoseLayoutIsChecked() throws {
        func scratch(_ work: String) throws -> String {
            try PluginPlanner(context: .init(packagePath: "/p", packageName: "P", pluginWorkDirectory: work)).scratchPath()
        }
        XCTAssertEqual(try scratch("/p/.build/plugins/CapCheckPlugin/outputs"), "/p/.build")
        XCTAssertEqual(try scratch("/elsewhere/scratch/plugins/CapCheckPlugin/outputs/"), "/elsewhere/scratch", "swift package --scratch-path")
        for unexpected in ["/p/.build/plugins/CapCheckPlugin", "/p/.build/CapCheckPlugin/outputs", "/outputs"] {
            XCTAssertThrowsError(try scratch(unexpected)) { error in
                let message = (error as? PluginRefusal)?.message ?? ""
                XCTAssertTrue(message.contains("cannot tell SwiftPM's scratch folder from the plugin's work folder \(unexpected)"), message)
                XCTAssertTrue(message.contains("run the capcheck executable"), message)
            }
        }
    }

    /// The JSON the plugin decodes (`Plugins/CapCheckPlugin/CapCheckPlugin.swift`, `Plan`): its keys and the step kinds
    /// the plugin handles are pinned here, since the plugin cannot share the type.
    func testThePlansJSONIsWhatThePluginReads() throws {
        let plan = PluginPlan(steps: [.preCheck(["check", "--build-time-only"]), .build(includeTests: false, progress: nil, failure: "f"),
                                      .run(["check", "--skip-build"])])
        XCTAssertEqual(try plan.json(), """
            {"steps":[{"arguments":["check","--build-time-only"],"kind":"preCheck"},{"failure":"f","includeTests":false,"kind":"build"},\
            {"arguments":["check","--skip-build"],"kind":"run"}]}
            """)
        XCTAssertEqual(try JSONDecoder().decode(PluginPlan.self, from: Data(try plan.json().utf8)), plan)
        let plugin = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Plugins/CapCheckPlugin/CapCheckPlugin.swift"), encoding: .utf8)
        for kind in PluginPlan.Step.Kind.allCases {
            XCTAssertTrue(plugin.contains("case \"\(kind.rawValue)\":"), "the plugin does not carry out \(kind.rawValue) steps")
        }
        for key in ["kind", "arguments", "includeTests", "progress", "failure"] {
            XCTAssertTrue(plugin.contains("let \(key): "), "the plugin's Plan does not read \(key)")
        }
    }
}
