import CapCheckCore
import Foundation
import XCTest

/// `capcheck init` writes the smallest policy for today's graph; `check` then passes, strictly.
final class InitTests: XCTestCase {
    private func options(_ fixture: String) -> [String] {
        ["--package-path", Fixtures.packagePath(fixture).path, "--scratch-path", Fixtures.scratchPath(fixture).path,
         "--skip-build", "--quiet"]
    }

    private func temporaryPolicyPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-init-\(UUID().uuidString).json").path
    }

    private func initThenCheck(_ fixture: String) throws -> [String: Any] {
        try Fixtures.build(fixture)
        let policy = temporaryPolicyPath()
        let written = try CLI.run(["init", "--policy", policy] + options(fixture))
        XCTAssertEqual(written.status, 0, written.stderr)
        let check = try CLI.run(["check", "--strict", "--policy", policy] + options(fixture))
        let text = try String(contentsOfFile: policy, encoding: .utf8)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr + text)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: policy))) as? [String: Any])
    }

    func testInitThenCheckPassesOnDemoApp() throws {
        let policy = try initThenCheck("DemoApp")
        let packages = try XCTUnwrap(policy["packages"] as? [String: [String: Any]])
        XCTAssertEqual(Set(packages.keys), ["witness-fs", "closure-fs", "global-init-fs", "deinit-fs", "description-fs", "c-socket",
                                            "granted-fs", "nested-parent", "nested-child", "inherited-main"])
        XCTAssertEqual(packages["c-socket"]?["allow"] as? [String], ["ffi", "net"])
        for (key, grant) in packages {
            XCTAssertTrue((grant["reason"] as? String)?.hasPrefix("TODO") == true, key)
        }
        XCTAssertEqual(policy["unlisted"] as? String, "deny")
    }

    func testTransitiveDependencyNeedingLessIsNested() throws {
        // init-parent holds fs for itself and passes nothing on to init-child; the root's own use of init-child needs fs.
        let policy = try initThenCheck("InitTree")
        let packages = try XCTUnwrap(policy["packages"] as? [String: [String: Any]])
        XCTAssertEqual(packages["init-child"]?["allow"] as? [String], ["fs:/tmp/capcheck-init-cache"])
        XCTAssertEqual(packages["init-parent"]?["allow"] as? [String], ["fs"], "a nested grant under it holds fs: it stays whole")
        let nested = try XCTUnwrap((packages["init-parent"]?["packages"] as? [String: [String: Any]])?["init-child"])
        XCTAssertEqual(nested["allow"] as? [String], [])
        XCTAssertEqual(packages["c-socket"]?["allow"] as? [String], ["ffi", "net"])
        XCTAssertNil(packages["c-socket"]?["packages"])
    }

    func testANestedGrantMadeForOnePathKeepsWhatAnotherPathThroughTheSameParentNeeds() throws {
        // init-leaf is reached through init-hub twice: from the root's hubRead() (a file read) and from init-middle's
        // call of hubWrite(_:) (a pure helper). One nested grant under init-hub serves both, so it must hold fs; and
        // since every path to init-leaf goes through it, a top-level grant of init-leaf would be unused.
        let policy = try initThenCheck("InitTree")
        let packages = try XCTUnwrap(policy["packages"] as? [String: [String: Any]])
        let nested = try XCTUnwrap((packages["init-hub"]?["packages"] as? [String: [String: Any]])?["init-leaf"])
        XCTAssertEqual(nested["allow"] as? [String], ["fs:/tmp/capcheck-init-leaf"], "a nested grant is narrowed like a top-level one")
        XCTAssertEqual(packages["init-hub"]?["allow"] as? [String], ["fs"])
        XCTAssertEqual(packages["init-middle"]?["allow"] as? [String], ["fs"])
        XCTAssertNil(packages["init-leaf"], "no path looks init-leaf up at top level")
    }

    func testTodaysUnanalysedCodeIsAcknowledgedAndStrictFailsOnAnyOther() throws {
        // inactive-payload has references in `#if` branches the build does not compile: `check --strict` would fail on
        // them forever; init acknowledges what is there today, kind and capability, and nothing more.
        let acknowledged = try initThenCheck("EscapeApp")
        let unanalysed = try XCTUnwrap(acknowledged["unanalysed"] as? [String: [String]])
        XCTAssertEqual(unanalysed["inactive-payload"], ["inactiveCode:exec", "inactiveCode:ffi", "inactiveCode:fs", "inactiveCode:unsafe"])

        var narrower = acknowledged
        narrower["unanalysed"] = ["inactive-payload": ["inactiveCode:ffi", "inactiveCode:fs", "inactiveCode:unsafe"]]
        let policy = temporaryPolicyPath()
        try JSONSerialization.data(withJSONObject: narrower).write(to: URL(fileURLWithPath: policy))
        let check = try CLI.run(["check", "--strict", "--policy", policy] + options("EscapeApp"))
        XCTAssertEqual(check.status, 1, "inactive code that would need exec is not acknowledged\n" + check.stderr)
        XCTAssertTrue(check.stderr.contains("more the policy acknowledges"), check.stderr)
        let plain = try CLI.run(["check", "--policy", policy] + options("EscapeApp"))
        XCTAssertEqual(plain.status, 0, "without --strict unanalysed code never fails\n" + plain.stderr)
    }

    func testRefusesToOverwriteWithoutForceAndKeepsUserCapabilitiesWithIt() throws {
        try Fixtures.build("InitTree")
        let policy = temporaryPolicyPath()
        let existing = #"{ "version": 1, "packages": {}, "capabilities": { "keychain": { "sinks": ["InitChild.normalized"], "propagates": true } } }"#
        try existing.write(toFile: policy, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["init", "--policy", policy] + options("InitTree"))
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("already exists") && refused.stderr.contains("--force"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: policy, encoding: .utf8), existing)

        let forced = try CLI.run(["init", "--force", "--policy", policy] + options("InitTree"))
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let written = try String(contentsOfFile: policy, encoding: .utf8)
        XCTAssertTrue(written.contains(#""keychain": { "sinks": ["InitChild.normalized"], "propagates": true }"#), written)
        // A sink is held by its caller's chain: init-parent calls init-child's normalized(_:).
        let packages = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])?["packages"] as? [String: [String: Any]])
        XCTAssertEqual(packages["init-parent"]?["allow"] as? [String], ["fs", "keychain"], written)
        XCTAssertEqual(packages["init-child"]?["allow"] as? [String], ["fs:/tmp/capcheck-init-cache"],
                       "init-child's one file is a constant: its grant is narrowed to it\n" + written)
        let check = try CLI.run(["check", "--strict", "--policy", policy] + options("InitTree"))
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testDefaultDestinationIsThePackagesPolicyAndIsNotOverwritten() throws {
        try Fixtures.build("DemoApp")
        let file = Fixtures.packagePath("DemoApp").appendingPathComponent("capabilities.json").path
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let refused = try CLI.run(["init"] + options("DemoApp"))
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains(file), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), before)
    }
}
