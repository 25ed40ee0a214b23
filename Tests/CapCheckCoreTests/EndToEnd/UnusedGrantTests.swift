import CapCheckCore
import Foundation
import XCTest

/// Grants nothing reachable uses: reported as warnings, in the JSON report, and fatal with `check --strict`.
final class UnusedGrantTests: XCTestCase {
    private var demo: [String] {
        ["--package-path", Fixtures.packagePath("DemoApp").path, "--scratch-path", Fixtures.scratchPath("DemoApp").path,
         "--skip-build", "--quiet"]
    }

    private func writePolicy(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-unused-\(UUID().uuidString).json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testTopLevelGrantShadowedByANestedOneIsUnused() throws {
        // DemoApp's policy grants nested-child fs at top level, but it is only reached under nested-parent's nested entry.
        let report = try Fixtures.analyse("DemoApp")
        let policy = Fixtures.packagePath("DemoApp").appendingPathComponent("capabilities.json").path
        XCTAssertEqual(report.unusedGrants.map { "\($0.file):\($0.line):\($0.column) \($0.under) \($0.package) \($0.capability)" },
                       ["\(policy):19:5 [] nested-child fs"])
    }

    func testEveryUnusedGrantIsNamedTopLevelAndNested() throws {
        let report = try Fixtures.analyse("DemoApp", policy: """
            { "version": 1, "packages": {
              "witness-fs": { "allow": ["fs"] }, "closure-fs": { "allow": ["fs"] }, "global-init-fs": { "allow": ["fs"] },
              "deinit-fs": { "allow": ["fs"] }, "description-fs": { "allow": ["fs"] }, "granted-fs": { "allow": ["fs"] },
              "inherited-main": { "allow": ["fs"] }, "c-socket": { "allow": ["net", "ffi", "env"] },
              "latent-fs": { "allow": ["fs"] }, "callback": { "allow": ["build"] },
              "nested-parent": { "allow": ["fs", "net"], "packages": { "nested-child": { "allow": ["fs", "net"] } } } } }
            """)
        XCTAssertEqual(report.violations, [])
        XCTAssertEqual(report.unusedGrants.map { ($0.under + [$0.package, $0.capability]).joined(separator: " ") }, [
            // `build` is judged like any capability: callback has no build-time code.
            "c-socket env", "latent-fs fs", "callback build", "nested-parent net", "nested-parent nested-child net",
        ])
    }

    func testAuditHasNoUnusedGrants() throws {
        XCTAssertEqual(try Fixtures.analyse("DemoApp", usePolicy: false).unusedGrants, [])
    }

    func testStrictFailsOnUnusedGrantsAndPlainCheckOnlyWarns() throws {
        let policy = try writePolicy("""
            { "version": 1, "packages": { \(Fixtures.demoFileGrants), "c-socket": { "allow": ["net", "ffi"] },
              "latent-fs": { "allow": ["fs"], "reason": "was needed once" } } }
            """)
        let plain = try CLI.run(["check", "--policy", policy] + demo)
        XCTAssertEqual(plain.status, 0, plain.stdout + plain.stderr)
        XCTAssertTrue(plain.stdout.contains("warning: \(policy):"), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("latent-fs is granted fs, which nothing reachable from the root uses; remove it from the grant"), plain.stdout)
        let strict = try CLI.run(["check", "--strict", "--policy", policy] + demo)
        XCTAssertEqual(strict.status, 1, strict.stdout + strict.stderr)
        XCTAssertTrue(strict.stderr.contains("--strict"), strict.stderr)
        let json = try CLI.run(["check", "--format", "json", "--policy", policy] + demo)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let unused = try XCTUnwrap(object["unusedGrants"] as? [[String: Any]])
        XCTAssertEqual(unused.count, 1)
        XCTAssertEqual(unused.first?["package"] as? String, "latent-fs")
        XCTAssertEqual(unused.first?["capability"] as? String, "fs")
    }

    func testStrictPassesWhenEveryGrantIsUsed() throws {
        let policy = try writePolicy(Fixtures.demoPolicyGrantingAll)
        let strict = try CLI.run(["check", "--strict", "--policy", policy] + demo)
        XCTAssertEqual(strict.status, 0, strict.stdout + strict.stderr)
    }
}
