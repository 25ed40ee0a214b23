import CapCheckCore
import Foundation
import XCTest

/// `capcheck explain <package> [capability]` on DemoApp: every distinct path, one per sink.
final class ExplainTests: XCTestCase {
    private var demo: [String] {
        ["--package-path", Fixtures.packagePath("DemoApp").path, "--scratch-path", Fixtures.scratchPath("DemoApp").path,
         "--skip-build", "--quiet"]
    }

    override func setUpWithError() throws { try Fixtures.build("DemoApp") }

    private func explanations(_ arguments: [String]) throws -> [Explanation] {
        let outcome = try CLI.run(["explain"] + arguments + ["--format", "json"] + demo)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return try JSONDecoder().decode([Explanation].self, from: Data(outcome.stdout.utf8))
    }

    func testOnePathPerSinkDeduplicated() throws {
        // The root is on the authority chain of every fs sink: several dependencies reach createFile, one path is kept.
        let found = try explanations(["demoapp", "fs"])
        XCTAssertEqual(found.map(\.sink), [
            "Foundation.FileManager.contents(atPath:)",
            "Foundation.FileManager.createFile(atPath:contents:attributes:)",
            "Foundation.FileManager.removeItem(atPath:)",
            "Foundation.String.init(contentsOfFile:encoding:)",
        ])
        for explanation in found {
            XCTAssertEqual(explanation.path.first?.package, "demoapp")
            XCTAssertEqual(explanation.path.last?.package, "toolchain")
        }
    }

    func testEveryCapabilityWhenNoneIsGiven() throws {
        let found = try explanations(["c-socket"])
        XCTAssertEqual(found.map { "\($0.capability) \($0.sink)" }, ["ffi capcheck_open_socket", "net socket"])
        XCTAssertEqual(found.last?.path.map(\.symbol).suffix(2), ["capcheck_open_socket", "socket"])
    }

    func testAnEffectReachedThroughADependencyIsExplainedThroughIt() throws {
        let outcome = try CLI.run(["explain", "nested-parent", "fs"] + demo)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("nested-parent reaches fs by 1 distinct path (one per sink):"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("fs through Foundation.FileManager.contents(atPath:) — can read, write"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("    Sources/DemoApp/main.swift:23:5: NestedParent.loadSettings() (nested-parent)"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("NestedChild.readSettings() (nested-child)"), outcome.stdout)
    }

    func testNothingReachedSaysSo() throws {
        let outcome = try CLI.run(["explain", "latent-fs", "fs"] + demo)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("latent-fs does not reach fs from demoapp's code"), outcome.stdout)
    }

    func testUnknownPackageOrCapabilityIsAUsageErrorWithASuggestion() throws {
        let package = try CLI.run(["explain", "witnes-fs"] + demo)
        XCTAssertEqual(package.status, 2)
        XCTAssertTrue(package.stderr.contains("did you mean witness-fs?"), package.stderr)
        let capability = try CLI.run(["explain", "c-socket", "netw"] + demo)
        XCTAssertEqual(capability.status, 2)
        XCTAssertTrue(capability.stderr.contains("did you mean net?"), capability.stderr)
        let format = try CLI.run(["explain", "c-socket", "--format", "sarif"] + demo)
        XCTAssertEqual(format.status, 2)
        XCTAssertTrue(format.stderr.contains("explain writes --format text or json, not sarif"), format.stderr)
    }
}
