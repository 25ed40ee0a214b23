import CapCheckCore
import Foundation
import XCTest

/// The policy's `"unanalysed"` section: which kinds of unanalysed code (and, for `inactiveCode` and `undeclaredCode`,
/// which capabilities) a reviewer acknowledged per package, so that `check --strict` fails only on the rest.
final class UnanalysedAcknowledgementTests: XCTestCase {
    private func parse(_ unanalysed: String) throws -> Policy {
        let text = #"{ "version": 1, "packages": {}, "unanalysed": "# + unanalysed + " }"
        return try PolicyLoader.parse(Data(text.utf8), file: "p.json")
    }

    private func error(_ unanalysed: String) -> String {
        policyErrorMessage { _ = try parse(unanalysed) }
    }

    func testAKindCoversEveryCapabilityAndAKindWithACapabilityOnlyThatOne() throws {
        let policy = try parse(#"{ "swift-crypto": ["assemblySource"], "swift-nio": ["inactiveCode:net"], "yams": ["inactiveCode"] }"#)
        XCTAssertTrue(policy.acknowledges(Unanalyzed(package: "swift-crypto", reason: "", kind: .assemblySource)))
        XCTAssertFalse(policy.acknowledges(Unanalyzed(package: "swift-crypto", reason: "", kind: .binaryTarget)))
        XCTAssertTrue(policy.acknowledges(Unanalyzed(package: "swift-nio", reason: "", kind: .inactiveCode, capability: "net")))
        XCTAssertFalse(policy.acknowledges(Unanalyzed(package: "swift-nio", reason: "", kind: .inactiveCode, capability: "fs")),
                       "a new capability in inactive code is not acknowledged")
        XCTAssertTrue(policy.acknowledges(Unanalyzed(package: "yams", reason: "", kind: .inactiveCode, capability: "exec")))
        XCTAssertFalse(policy.acknowledges(Unanalyzed(package: "swift-log", reason: "", kind: .inactiveCode, capability: "net")),
                       "another package's entries are not")
        XCTAssertFalse(policy.acknowledges(Unanalyzed(package: "swift-crypto", reason: "")), "an entry of no known kind never is")
    }

    func testMalformedEntriesAreLocatedErrors() {
        XCTAssertTrue(error(#"{ "a": ["asemblySource"] }"#).contains(#"p.json:1:55: unknown kind of unanalysed code "asemblySource"; did you mean "assemblySource"?"#),
                      error(#"{ "a": ["asemblySource"] }"#))
        XCTAssertTrue(error(#"{ "a": ["assemblySource:net"] }"#).contains(#""assemblySource" entries name no capability"#))
        XCTAssertTrue(error(#"{ "a": ["inactiveCode:nett"] }"#).contains(#"unknown capability "nett" in "inactiveCode:nett"; did you mean "net"?"#))
        XCTAssertTrue(error(#"["assemblySource"]"#).contains(#""unanalysed" must be an object mapping package identities"#))
        XCTAssertTrue(error(#"{ "a": "assemblySource" }"#).contains(#""unanalysed" must be an object"#))
    }

    func testAnUnknownPackageIsAValidationErrorWithASuggestion() throws {
        let policy = try parse(#"{ "swift-nioo": ["inactiveCode"] }"#)
        let text = policyErrorMessage {
            try PolicyValidator.validate(policy, packages: ["app": ["App"], "swift-nio": ["NIOCore"]], dependencies: [:], root: "app")
        }
        XCTAssertTrue(text.contains(#"p.json:1:49: "unanalysed" names no package of the dependency graph: "swift-nioo"; did you mean "swift-nio"?"#), text)
        let root = try parse(#"{ "app": ["inactiveCode"] }"#)
        XCTAssertNoThrow(try PolicyValidator.validate(root, packages: ["app": ["App"]], dependencies: [:], root: "app"),
                         "the root's own unanalysed code may be acknowledged too")
    }
}
