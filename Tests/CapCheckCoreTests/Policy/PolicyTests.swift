import CapCheckCore
import Foundation
import XCTest

final class PolicyTests: XCTestCase {
    static let example = """
        { "version": 1,
          "unlisted": "deny",
          "packages": {
            "swift-nio": { "allow": ["net", "fs", "unsafe", "ffi"], "reason": "sockets and event loops",
                           "packages": { "swift-atomics": { "allow": ["unsafe"] } } },
            "yams": { "allow": ["ffi", "unsafe"], "reason": "libyaml C core" },
            "swift-log/Logging": { "allow": [] } },
          "capabilities": { "keychain": { "sinks": ["MyVault.Keychain.read"], "propagates": true } } }
        """

    static let graph: [String: Set<String>] = [
        "app": ["App"], "swift-nio": ["NIOCore", "NIOPosix"], "swift-atomics": ["Atomics"],
        "yams": ["Yams"], "swift-log": ["Logging"],
    ]
    static let dependencies: [String: Set<String>] = [
        "app": ["swift-nio", "swift-atomics", "yams", "swift-log"], "swift-nio": ["swift-atomics"],
    ]

    // MARK: Helpers

    func parse(_ json: String) throws -> Policy { try PolicyLoader.parse(Data(json.utf8), file: "p.json") }

    /// Asserts that parsing `json` as a policy fails with a message containing every fragment.
    func assertPolicyError(_ json: String, _ fragments: String..., file: StaticString = #filePath, line: UInt = #line) {
        let text = policyErrorMessage({ _ = try parse(json) }, file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(text.contains(fragment), "\(text.debugDescription) lacks \(fragment.debugDescription)", file: file, line: line)
        }
    }

    /// Asserts that parsing `json` as plain JSON fails with a message containing `fragment`.
    func assertJSONError(_ json: String, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        let text = policyErrorMessage({ _ = try JSONParser.parse(Data(json.utf8), file: "p.json") }, file: file, line: line)
        XCTAssertTrue(text.contains(fragment), "\(text.debugDescription) lacks \(fragment.debugDescription)", file: file, line: line)
    }

    func assertValidationError(_ json: String, root: String = "app", graph: [String: Set<String>] = graph,
                               dependencies: [String: Set<String>] = dependencies, _ fragments: String...,
                               file: StaticString = #filePath, line: UInt = #line) {
        let text = policyErrorMessage({
            try PolicyValidator.validate(try parse(json), packages: graph, dependencies: dependencies, root: root)
        }, file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(text.contains(fragment), "\(text.debugDescription) lacks \(fragment.debugDescription)", file: file, line: line)
        }
    }

    /// `line:column` of the first occurrence of `needle` (ASCII text).
    func position(of needle: String, in text: String) -> String {
        guard let range = text.range(of: needle) else { return "not found" }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return "\(line):\(column)"
    }

    // MARK: Valid policies

    func testFullExample() throws {
        let policy = try parse(Self.example)
        XCTAssertEqual(policy.file, "p.json")
        XCTAssertEqual(policy.version, 1)
        XCTAssertEqual(policy.unlisted, .deny)
        XCTAssertEqual(Set(policy.packages.keys), ["swift-nio", "yams", "swift-log/Logging"])
        let nio = try XCTUnwrap(policy.packages["swift-nio"])
        XCTAssertEqual(nio.allow, [.net, .fs, .unsafe, .ffi])
        XCTAssertEqual(nio.reason, "sockets and event loops")
        XCTAssertEqual(nio.identity, "swift-nio")
        XCTAssertNil(nio.module)
        XCTAssertEqual(nio.position, SourcePosition(line: 4, column: 5))
        let atomics = try XCTUnwrap(nio.packages["swift-atomics"])
        XCTAssertEqual(atomics.allow, [.unsafe])
        XCTAssertNil(atomics.reason)
        XCTAssertEqual(atomics.position, SourcePosition(line: 5, column: 34))
        XCTAssertEqual(policy.packages["yams"]?.position, SourcePosition(line: 6, column: 5))
        let log = try XCTUnwrap(policy.packages["swift-log/Logging"])
        XCTAssertEqual(log.identity, "swift-log")
        XCTAssertEqual(log.module, "Logging")
        XCTAssertEqual(log.allow, [])
        XCTAssertEqual(log.position, SourcePosition(line: 7, column: 5))
        let keychain = try XCTUnwrap(policy.capabilities["keychain"])
        XCTAssertEqual(keychain.sinks, ["MyVault.Keychain.read"])
        XCTAssertTrue(keychain.propagates)
        XCTAssertEqual(keychain.position, SourcePosition(line: 8, column: 21))
        XCTAssertEqual(policy.knownCapabilities, Set(Capability.builtIn).union(["keychain"]))
        XCTAssertNoThrow(try PolicyValidator.validate(policy, packages: Self.graph, dependencies: Self.dependencies, root: "app"))
    }

    func testDefaultsAndEmpty() throws {
        let minimal = try parse(#"{"version": 1}"#)
        XCTAssertEqual(minimal.unlisted, .deny)
        XCTAssertTrue(minimal.packages.isEmpty && minimal.capabilities.isEmpty)
        XCTAssertEqual(try parse(#"{"version": 1, "unlisted": "inherit"}"#).unlisted, .inherit)
        let user = try parse(#"{"version": 1, "capabilities": {"vault": {"sinks": ["A.b"]}, "db": {"sinks": ["D"], "propagates": false}}}"#)
        XCTAssertEqual(user.capabilities["vault"]?.propagates, true)
        XCTAssertEqual(user.capabilities["db"]?.propagates, false)
        let empty = Policy.empty(file: "none.json")
        XCTAssertEqual(empty.unlisted, .deny)
        XCTAssertEqual(empty.version, 1)
        XCTAssertTrue(empty.packages.isEmpty)
        XCTAssertEqual(empty.knownCapabilities, Set(Capability.builtIn))
        XCTAssertEqual(try parse("\u{FEFF}{\"version\": 1}").version, 1)
    }

    func testLoadFromFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policy-tests-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("capabilities.json")
        try Data(Self.example.utf8).write(to: url)
        XCTAssertEqual(try PolicyLoader.load(contentsOf: url).file, url.path)
        let missing = directory.appendingPathComponent("missing.json")
        let text = policyErrorMessage { _ = try PolicyLoader.load(contentsOf: missing) }
        XCTAssertTrue(text.contains(missing.path) && text.contains("not found"), text)
        XCTAssertTrue(policyErrorMessage { _ = try PolicyLoader.load(contentsOf: directory) }.contains("is not a regular file (it is a directory)"))
    }

    func testJSONValues() throws {
        let value = try JSONParser.parse(Data(#"["\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00", 1.5e+3, -0, 0.25E-2, true, false, null, {}]"#.utf8), file: "p.json")
        guard case .array(let elements) = value.kind, elements.count == 8 else { return XCTFail("\(value)") }
        guard case .string(let text) = elements[0].kind else { return XCTFail() }
        XCTAssertEqual(text, "\"\\/\u{8}\u{C}\n\r\té😀")
        guard case .number("1.5e+3") = elements[1].kind, case .number("-0") = elements[2].kind,
              case .number("0.25E-2") = elements[3].kind, case .bool(true) = elements[4].kind,
              case .bool(false) = elements[5].kind, case .null = elements[6].kind, case .object([]) = elements[7].kind
        else { return XCTFail("\(elements)") }
        XCTAssertEqual(elements[1].position, SourcePosition(line: 1, column: 40))
    }

    // MARK: Syntax errors

    func testSyntaxErrors() {
        assertJSONError(#"{"version": 1 "unlisted": "deny"}"#, "p.json:1:15: expected ',' or '}' after an object member, found '\"'")
        assertJSONError(#"{"version": 1, "unl"#, "p.json:1:16: unterminated string")
        assertJSONError("{\"a\": \"abc\n\"}", "p.json:1:7: unterminated string")
        assertJSONError("{\"version\": 1,\n}", "p.json:1:14: trailing comma before '}'")
        assertJSONError(#"["a",]"#, "p.json:1:5: trailing comma before ']'")
        assertJSONError("[1,\n  2\n  3]", "p.json:3:3: expected ',' or ']' after an array element")
        assertJSONError("{\"version\": 1,\n  \"version\": 1}", "p.json:2:3: duplicate key \"version\" (first at 1:2)")
        assertJSONError(#"{"a": "\x"}"#, "p.json:1:8: invalid escape")
        assertJSONError(#"{"a": "\u12G4"}"#, "p.json:1:8: invalid \\u escape: expected 4 hexadecimal digits")
        assertJSONError(#"{"a": "\uDC00"}"#, "p.json:1:8: unpaired low surrogate")
        assertJSONError(#"{"a": "\uD800x"}"#, "p.json:1:8: unpaired high surrogate")
        assertJSONError(#"{"a": "\uD800\u0041"}"#, "p.json:1:8: unpaired high surrogate")
        assertJSONError("[\"a\tb\"]", "p.json:1:4: control character U+0009 must be escaped")
        assertJSONError("[01]", "p.json:1:2: invalid number: leading zeros are not allowed")
        assertJSONError("[-]", "p.json:1:3: invalid number: expected a digit")
        assertJSONError("[1.]", "p.json:1:4: invalid number: expected a digit after '.'")
        assertJSONError("[1e]", "p.json:1:4: invalid number: expected a digit in the exponent")
        assertJSONError("[tru]", "p.json:1:2: invalid literal")
        assertJSONError("[+1]", "p.json:1:2: expected a JSON value, found '+'")
        assertJSONError("", "p.json:1:1: expected a JSON value, found end of file")
        assertJSONError("  \n ", "p.json:2:2: expected a JSON value, found end of file")
        assertJSONError("{} x", "p.json:1:4: unexpected 'x' after the JSON value")
        assertJSONError("{\"a\" 1}", "p.json:1:6: expected ':' after the key \"a\"")
        assertJSONError("{1: 2}", "p.json:1:2: expected a string key or '}'")
        assertJSONError("{\"é\": 1, \"x\" 2}", "p.json:1:14: expected ':' after the key \"x\"")
        assertJSONError("[\u{A0}]", "p.json:1:2: expected a JSON value, found U+00A0")
        let invalidUTF8 = policyErrorMessage { _ = try PolicyLoader.parse(Data([0x7B, 0x0A, 0x20, 0xFF, 0x7D]), file: "p.json") }
        XCTAssertTrue(invalidUTF8.hasPrefix("p.json:2:2: invalid UTF-8"), invalidUTF8)
        let overlong = policyErrorMessage { _ = try JSONParser.parse(Data([0x22, 0xC0, 0xAF, 0x22]), file: "p.json") }
        XCTAssertTrue(overlong.hasPrefix("p.json:1:2: invalid UTF-8"), overlong)
    }

    func testDeepNesting() throws {
        assertJSONError(String(repeating: "[", count: 100_000), "p.json:1:513: nesting deeper than 512 levels")
        assertJSONError(String(repeating: "{\"a\":", count: 100_000), "nesting deeper than 512 levels")
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try JSONParser.parse(Data(ok.utf8), file: "p.json"))
        assertJSONError("[" + ok + "]", "p.json:1:513: nesting deeper than 512 levels")
        assertPolicyError(#"{"version": 1, "packages": {"a": {"allow": [], "reason": "# + String(repeating: "[", count: 600),
                          "nesting deeper than 512 levels")
        // Grants nest up to PolicyLoader.maxGrantDepth levels of "packages"; validation follows them.
        func nestedPolicy(_ levels: Int) -> String {
            var grant = #"{"allow": []}"#
            for _ in 0..<levels { grant = #"{"allow": [], "packages": {"a": \#(grant)}}"# }
            return #"{"version": 1, "packages": {"a": \#(grant)}}"#
        }
        let policy = try parse(nestedPolicy(PolicyLoader.maxGrantDepth - 1))
        XCTAssertTrue(policyErrorMessage {
            try PolicyValidator.validate(policy, packages: ["root": [], "a": ["A"]], dependencies: [:], root: "root")
        }.contains("\"a\" is not a dependency of \"a\""))
        assertPolicyError(nestedPolicy(PolicyLoader.maxGrantDepth), "grants nest deeper than 32 levels")
        // The parser does not recurse, so maximal input is safe on a small (256 KB) thread stack.
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var results: [Bool] = []
        let objects = String(repeating: "{\"a\":", count: 512) + "1" + String(repeating: "}", count: 512)
        let inputs = [ok, objects, nestedPolicy(PolicyLoader.maxGrantDepth - 1)]
        let thread = Thread {
            results = inputs.map {
                (try? JSONParser.parse(Data($0.utf8), file: "p.json")) != nil
            }
            done.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        done.wait()
        XCTAssertEqual(results, [true, true, true])
    }

    // MARK: Semantic errors

    func testSemanticErrors() {
        assertPolicyError("{\"version\": 1,\n  \"pakages\": {}}",
                          "p.json:2:3: unknown key \"pakages\" in the policy; did you mean \"packages\"? allowed keys are "
                          + "\"version\", \"unlisted\", \"packages\", \"capabilities\"")
        assertPolicyError("[]", "p.json:1:1: the policy must be a JSON object, found an array")
        assertPolicyError("{}", "p.json:1:1: missing \"version\"; add \"version\": 1")
        assertPolicyError(#"{"version": 2}"#, "p.json:1:13: unsupported policy version 2: this capcheck supports version 1")
        assertPolicyError(#"{"version": 0}"#, "p.json:1:13:", "this capcheck supports version 1")
        assertPolicyError(#"{"version": "1"}"#, "p.json:1:13: \"version\" must be an integer")
        assertPolicyError(#"{"version": 1.0}"#, "p.json:1:13: \"version\" must be an integer")
        assertPolicyError(#"{"version": 1, "unlisted": "allow"}"#, "p.json:1:28: \"unlisted\" must be \"deny\" or \"inherit\", not \"allow\"")
        assertPolicyError(#"{"version": 1, "unlisted": true}"#, "p.json:1:28: \"unlisted\" must be \"deny\" or \"inherit\", not a boolean")
        assertPolicyError(#"{"version": 1, "packages": []}"#, "p.json:1:28: \"packages\" must be an object")
        assertPolicyError(#"{"version": 1, "packages": {"yams": {"allow": "fs"}}}"#,
                          "p.json:1:47: \"allow\" must be an array of capability names, found a string")
        assertPolicyError(#"{"version": 1, "packages": {"yams": {"allow": [1]}}}"#, "p.json:1:48: \"allow\" must be an array of capability names")
        assertPolicyError(#"{"version": 1, "packages": {"yams": {"allow": ["nett"]}}}"#,
                          "p.json:1:48: unknown capability \"nett\"; did you mean \"net\"? Known capabilities: fs, net, exec, env, unsafe, ffi, build")
        assertPolicyError(#"{"version": 1, "packages": {"yams": {"allow": ["zzzzzz"]}}}"#,
                          "p.json:1:48: unknown capability \"zzzzzz\"; declare user capabilities under \"capabilities\"")
        assertPolicyError(#"{"version": 1, "packages": {"yams": {"allow": ["keychian"]}}, "capabilities": {"keychain": {"sinks": ["K"]}}}"#,
                          "p.json:1:48: unknown capability \"keychian\"; did you mean \"keychain\"?", "build, keychain")
        assertPolicyError(#"{"version": 1, "packages": {"yams": {"alow": []}}}"#,
                          "p.json:1:38: unknown key \"alow\" in the grant for \"yams\"; did you mean \"allow\"?")
        assertPolicyError(#"{"version": 1, "packages": {"yams": {"reason": "x"}}}"#, "p.json:1:29: the grant for \"yams\" needs \"allow\"")
        assertPolicyError(#"{"version": 1, "packages": {"yams": ["fs"]}}"#, "p.json:1:37: the grant for \"yams\" must be an object")
        assertPolicyError(#"{"version": 1, "packages": {"yams": {"allow": [], "reason": 3}}}"#, "p.json:1:61: \"reason\" must be a string")
        assertPolicyError(#"{"version": 1, "packages": {"a/b/c": {"allow": []}}}"#, "p.json:1:29: invalid package key \"a/b/c\"")
        assertPolicyError(#"{"version": 1, "packages": {"a/": {"allow": []}}}"#, "p.json:1:29: invalid package key \"a/\"")
        assertPolicyError(#"{"version": 1, "packages": {" lib": {"allow": []}}}"#, "p.json:1:29: invalid package key \" lib\"")
        // SwiftPM names a local package after its folder, spaces included: `init` writes such a key, and it loads.
        XCTAssertNotNil(try PolicyLoader.parse(Data(#"{"version": 1, "packages": {"my lib": {"allow": []}}}"#.utf8), file: "p.json").packages["my lib"])
        assertPolicyError(#"{"version": 1, "capabilities": {"fs": {"sinks": ["X.y"]}}}"#,
                          "p.json:1:33: \"fs\" is a built-in capability; give the user capability another name")
        assertPolicyError(#"{"version": 1, "capabilities": {"my cap": {"sinks": ["X.y"]}}}"#, "p.json:1:33: invalid capability name")
        assertPolicyError(#"{"version": 1, "capabilities": {"vault": {"sinks": []}}}"#,
                          "p.json:1:52: \"sinks\" must be a non-empty array of demangled qualified-name prefixes")
        assertPolicyError(#"{"version": 1, "capabilities": {"vault": {"sinks": [""]}}}"#, "p.json:1:53: \"sinks\" must be")
        assertPolicyError(#"{"version": 1, "capabilities": {"vault": {}}}"#, "p.json:1:33: capability \"vault\" needs \"sinks\"")
        assertPolicyError(#"{"version": 1, "capabilities": {"vault": {"sinks": ["A"], "propagates": "yes"}}}"#,
                          "p.json:1:73: \"propagates\" must be true or false")
        assertPolicyError(#"{"version": 1, "capabilities": []}"#, "p.json:1:32: \"capabilities\" must be an object")
    }

    // MARK: Validation against the package graph

    func testValidationErrors() {
        let unknown = #"{"version": 1, "packages": {"swift-lgo": {"allow": []}}}"#
        assertValidationError(unknown, "p.json:\(position(of: "\"swift-lgo\"", in: unknown)): no package \"swift-lgo\" in the dependency graph; did you mean \"swift-log\"?")
        assertValidationError(#"{"version": 1, "packages": {"zzzzzz": {"allow": []}}}"#,
                              "packages in the graph: swift-atomics, swift-log, swift-nio, yams")
        assertValidationError(#"{"version": 1, "packages": {"Yams": {"allow": []}}}"#, "did you mean \"yams\"?")
        let module = "{\"version\": 1, \"packages\": {\n  \"swift-log/Logg\": {\"allow\": []}}}"
        assertValidationError(module, "p.json:2:3: package \"swift-log\" has no module \"Logg\"; did you mean \"Logging\"? its modules: Logging")
        assertValidationError(#"{"version": 1, "packages": {"swift-nio/Foo": {"allow": []}}}"#, "its modules: NIOCore, NIOPosix")
        assertValidationError(#"{"version": 1, "packages": {"app": {"allow": ["fs"]}}}"#,
                              "p.json:1:29: \"app\" is the root package, which holds every capability; remove it from \"packages\"")
        let notDependency = #"{"version": 1, "packages": {"swift-nio": {"allow": ["fs"], "packages": {"yams": {"allow": []}}}}}"#
        assertValidationError(notDependency, "p.json:\(position(of: "\"yams\"", in: notDependency)): \"yams\" is not a dependency of \"swift-nio\"")
        let wider = """
            {"version": 1, "packages": {
              "nested-parent": {"allow": ["fs"], "packages": {
                "nested-child": {"allow": ["net", "fs"]}}}}}
            """
        assertValidationError(wider, root: "root", graph: ["root": [], "nested-parent": ["P"], "nested-child": ["C"]],
                              dependencies: ["root": ["nested-parent", "nested-child"], "nested-parent": ["nested-child"]],
                              "p.json:3:5: nested-child may not receive [net] under nested-parent, which holds only [fs]")
        // Every problem is reported, one per line, in file order.
        let several = "{\"version\": 1, \"packages\": {\n \"yams/Foo\": {\"allow\": []},\n \"app\": {\"allow\": []},\n \"swift-lgo\": {\"allow\": []}}}"
        let text = policyErrorMessage {
            try PolicyValidator.validate(try parse(several), packages: Self.graph, dependencies: Self.dependencies, root: "app")
        }
        XCTAssertEqual(text.split(separator: "\n").map { String($0.prefix(10)) }, ["p.json:2:2", "p.json:3:2", "p.json:4:2"])
    }

    func testNearestName() {
        XCTAssertEqual(NearestName.nearest(to: "nett", in: Capability.builtIn.map(\.name)), "net")
        XCTAssertEqual(NearestName.nearest(to: "swift-lgo", in: ["swift-nio", "swift-log"]), "swift-log")
        XCTAssertEqual(NearestName.nearest(to: "Logg", in: ["Logging"]), "Logging")
        XCTAssertEqual(NearestName.nearest(to: "YAMS", in: ["yams"]), "yams")
        XCTAssertNil(NearestName.nearest(to: "xyz", in: ["fs", "net", "exec"]))
        XCTAssertNil(NearestName.nearest(to: "", in: ["fs"]))
        XCTAssertNil(NearestName.nearest(to: "fs", in: []))
    }

    // MARK: Robustness

    func testRandomMutationsNeverCrash() {
        var rng = SplitMix64(seed: 0xCA9C4EC)
        let original = [UInt8](Self.example.utf8)
        let interesting = [UInt8]("{}[]\",:\\/u0123456789.eE+-tfn \n\t".utf8) + [0x00, 0x7F, 0xC3, 0xA9, 0xED, 0xF0, 0xFF]
        var parsed = 0, rejected = 0
        for _ in 0..<2_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<max(1, bytes.count), using: &rng)
                let byte = Bool.random(using: &rng) ? interesting.randomElement(using: &rng) ?? 0 : UInt8.random(in: 0...255, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !bytes.isEmpty: bytes[at] = byte
                case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &rng)))
                case 2: bytes.insert(byte, at: min(at, bytes.count))
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 12)], at: Int.random(in: 0...bytes.count, using: &rng))
                }
            }
            do {
                let policy = try PolicyLoader.parse(Data(bytes), file: "p.json")
                try PolicyValidator.validate(policy, packages: Self.graph, dependencies: Self.dependencies, root: "app")
                parsed += 1
            } catch let error as CapCheckError {
                XCTAssertEqual(error.kind, .policy)
                XCTAssertTrue(error.message.hasPrefix("p.json:"), error.message)
                rejected += 1
            } catch {
                XCTFail("unexpected error \(error)")
            }
        }
        print("mutations: \(parsed) parsed and validated, \(rejected) rejected")
        XCTAssertGreaterThan(parsed, 0)
        XCTAssertGreaterThan(rejected, 0)
    }
}
