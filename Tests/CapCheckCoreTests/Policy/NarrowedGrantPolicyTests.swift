import CapCheckCore
import Foundation
import XCTest

/// Narrowed grants (issue 12): `CAP:VALUE` entries in `allow`, their patterns, and nested grants no wider than the
/// parent's patterns.
final class NarrowedGrantPolicyTests: XCTestCase {
    // MARK: Helpers

    func parse(_ json: String) throws -> Policy { try PolicyLoader.parse(Data(json.utf8), file: "p.json") }

    /// The pattern `text` (the part after `CAP:`) parsed for `capability`; `.caller` when it does not parse.
    func pattern(_ capability: Capability, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> ValuePattern {
        do {
            return try ValuePattern.parse(text, for: capability)
        } catch {
            XCTFail("\(capability):\(text) does not parse: \(error.message)", file: file, line: line)
            return .caller
        }
    }

    func fs(_ text: String) -> ValuePattern { pattern(.fs, text) }
    func net(_ text: String) -> ValuePattern { pattern(.net, text) }
    func exec(_ text: String) -> ValuePattern { pattern(.exec, text) }
    func env(_ text: String) -> ValuePattern { pattern(.env, text) }

    /// A policy granting `yams` the single `allow` entry `entry`, which starts at 1:48.
    func single(_ entry: String) -> String {
        #"{"version": 1, "packages": {"yams": {"allow": ["# + entry.debugDescription + #"]}}, "capabilities": {"keychain": {"sinks": ["K"]}}}"#
    }

    func policyError(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        policyErrorMessage({ _ = try parse(json) }, file: file, line: line)
    }

    /// Asserts that the entry is rejected at 1:48 with a message starting `"<entry>": ` and containing each fragment.
    func assertRejected(_ entry: String, _ fragments: String..., file: StaticString = #filePath, line: UInt = #line) {
        let text = policyError(single(entry), file: file, line: line)
        XCTAssertTrue(text.hasPrefix("p.json:1:48: \(entry.debugDescription): "), text, file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(text.contains(fragment), "\(text.debugDescription) lacks \(fragment.debugDescription)", file: file, line: line)
        }
    }

    static let graph: [String: Set<String>] = ["app": ["App"], "swift-nio": ["NIO"], "nio-ssl": ["NIOSSL"], "git-kit": ["GitKit"]]
    static let dependencies: [String: Set<String>] = ["app": ["swift-nio", "nio-ssl", "git-kit"], "swift-nio": ["nio-ssl", "git-kit"]]

    /// Validates a policy where `swift-nio` holds `parent` and passes `child` on to `nio-ssl`; the validation message, or
    /// nil when valid.
    func nestedMessage(parent: [String], child: [String], file: StaticString = #filePath, line: UInt = #line) -> String? {
        func list(_ entries: [String]) -> String { "[" + entries.map(\.debugDescription).joined(separator: ", ") + "]" }
        let json = "{\"version\": 1, \"packages\": {\"swift-nio\": {\"allow\": \(list(parent)), \"packages\": {\n"
            + "  \"nio-ssl\": {\"allow\": \(list(child))}}}}}"
        do {
            try PolicyValidator.validate(try parse(json), packages: Self.graph, dependencies: Self.dependencies, root: "app")
            return nil
        } catch let error as CapCheckError {
            XCTAssertEqual(error.kind, .policy, file: file, line: line)
            XCTAssertTrue(error.message.hasPrefix("p.json:2:3: "), error.message, file: file, line: line)
            return String(error.message.dropFirst("p.json:2:3: ".count))
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: Byte-wise matching

    /// Found by the ninth sweep: `String`'s `==` takes canonically equivalent spellings as one, while `getenv` and `execve`
    /// compare bytes: `KEY` with U+212A KELVIN SIGN is another variable, `café` with U+0301 another file than with U+00E9.
    /// A control character names nothing (the robustness sweep's `"fs:/\u0000"` was accepted).
    func testAValueWithAControlCharacterIsRejected() {
        for (capability, value) in [(Capability.fs, "/\u{0}x"), (.env, "A\u{1}")] {
            do {
                _ = try ValuePattern.parse(value, for: capability)
                XCTFail("\(capability):\(value.debugDescription) was accepted")
            } catch {
                XCTAssertTrue(error.message.contains("control character"), error.message)
            }
        }
    }

    func testNamesAndProgramsMatchByteForByte() {
        let kelvin = "\u{212A}EY", decomposed = "/tmp/cafe\u{301}", composed = "/tmp/caf\u{E9}"
        XCTAssertEqual(kelvin, "KEY", "the premise: String compares them equal")
        XCTAssertTrue(env("KEY").covers(constant: "KEY"))
        XCTAssertFalse(env("KEY").covers(constant: kelvin))
        XCTAssertFalse(env("K*").covers(constant: kelvin))
        XCTAssertTrue(exec(composed).covers(constant: composed))
        XCTAssertFalse(exec(composed).covers(constant: decomposed))
        XCTAssertFalse(exec("/tmp/KEY").covers(constant: "/tmp/" + kelvin))
        XCTAssertFalse(fs(composed).covers(constant: decomposed))
    }

    // MARK: Parsing

    func testParsesEveryForm() throws {
        let policy = try parse("""
            { "version": 1, "packages": {
              "swift-nio-ssl": { "allow": ["fs:/etc/ssl/**", "fs:/usr/lib/ssl/**", "env:OPENSSL_ia32cap", "net:@caller", "unsafe", "ffi"] },
              "git-kit": { "allow": ["exec:/usr/bin/git", "exec:git", "env:@caller", "env:NIO_*"] },
              "net-kit": { "allow": ["net:api.example.com:443", "net:Example.COM", "net:*.example.org", "net:*.example.net:8443",
                                     "net:10.0.0.0/8", "net:fd00::/8", "net:192.168.1.2", "net:192.168.1.3:22", "net:fd00::1",
                                     "net:[fd00::2]:443", "net:[::1]", "net::8080"] } } }
            """)
        let ssl = try XCTUnwrap(policy.packages["swift-nio-ssl"])
        XCTAssertEqual(ssl.allow, [.fs, .env, .net, .unsafe, .ffi])
        XCTAssertEqual(ssl.narrowed, [.fs: [fs("/etc/ssl/**"), fs("/usr/lib/ssl/**")], .env: [env("OPENSSL_ia32cap")], .net: [.caller]])
        XCTAssertEqual(ssl.narrowed[.fs]?.map(\.description), ["fs:/etc/ssl/**", "fs:/usr/lib/ssl/**"])
        let git = try XCTUnwrap(policy.packages["git-kit"])
        XCTAssertEqual(git.allow, [.exec, .env])
        XCTAssertEqual(git.narrowed[.exec], [.program("/usr/bin/git"), .program("git")])
        XCTAssertEqual(git.narrowed[.env], [.caller, .variable(.prefix("NIO_"))])
        XCTAssertEqual(git.narrowed[.env]?.map { $0.written(for: .env) }, ["env:@caller", "env:NIO_*"])
        let netKit = try XCTUnwrap(policy.packages["net-kit"])
        XCTAssertEqual(netKit.allow, [.net])
        XCTAssertEqual(netKit.narrowed[.net]?.map(\.description), [
            "net:api.example.com:443", "net:Example.COM", "net:*.example.org", "net:*.example.net:8443", "net:10.0.0.0/8",
            "net:fd00::/8", "net:192.168.1.2", "net:192.168.1.3:22", "net:fd00::1", "net:[fd00::2]:443", "net:[::1]", "net::8080",
        ])
        guard case .endpoint(let any8080) = net(":8080"), case .endpoint(let host) = net("Example.COM") else { return XCTFail() }
        XCTAssertEqual(any8080.port, 8080)
        XCTAssertNil(host.port)
        XCTAssertEqual(net("[::1]").endpointHost, net("0:0:0:0:0:0:0:1").endpointHost)
        // Unnarrowed grants are unchanged.
        XCTAssertEqual(try parse(#"{"version": 1, "packages": {"yams": {"allow": ["fs"]}}}"#).packages["yams"]?.narrowed, [:])
    }

    func testPlainBesideNarrowedIsPlainAndDuplicatesMerge() throws {
        let policy = try parse(#"{"version": 1, "packages": {"a": {"allow": ["fs:/x/**", "fs", "net:a.com", "net:b.com", "net:a.com"]}}}"#)
        let grant = try XCTUnwrap(policy.packages["a"])
        XCTAssertEqual(grant.allow, [.fs, .net])
        XCTAssertNil(grant.narrowed[.fs])
        XCTAssertEqual(grant.narrowed[.net], [net("a.com"), net("b.com")])
        let plainFirst = try parse(#"{"version": 1, "packages": {"a": {"allow": ["env", "env:HOME"]}}}"#)
        XCTAssertEqual(plainFirst.packages["a"]?.narrowed, [:])
    }

    // MARK: Rejections

    func testValuesOnlyOnTheFourEffects() {
        for entry in ["unsafe:x", "ffi:libc", "build:x", "keychain:x", "unsafe:@caller"] {
            assertRejected(entry, "only fs, net, exec and env take values")
        }
        assertRejected("ffi:libc", "write \"ffi\" to grant ffi whole")
        XCTAssertEqual(policyError(single("nett:x")),
                       "p.json:1:48: unknown capability \"nett\"; did you mean \"net\"? Known capabilities: fs, net, exec, env, unsafe, ffi, build, keychain")
        XCTAssertTrue(policyError(single("zzzzzz:/x")).hasPrefix("p.json:1:48: unknown capability \"zzzzzz\"; declare user capabilities"))
        let located = "{\"version\": 1, \"packages\": {\"a\": {\"allow\": [\n   \"fs\", \"unsafe:x\"]}}}"
        XCTAssertTrue(policyError(located).hasPrefix("p.json:2:10: \"unsafe:x\": only fs, net, exec and env take values"))
    }

    func testFilesystemRejections() {
        assertRejected("fs:", "needs a path", "fs:/etc/ssl/**")
        assertRejected("fs:~/.ssh/**", "\"~\" is not expanded", "fs:/etc/ssl/**")
        assertRejected("fs:etc/ssl/**", "must be absolute", "fs:/etc/ssl/**")
        assertRejected("fs:./x", "must be absolute")
        assertRejected("fs:/etc/**.pem", "\"**\" must be a whole path component")
        assertRejected("fs:/etc/ssl/../../root", "\".\" and \"..\" components are not allowed")
        assertRejected("fs:/etc/./ssl", "\".\" and \"..\" components are not allowed")
    }

    func testNetworkRejections() {
        assertRejected("net:", "needs an endpoint", "net:api.example.com:443")
        assertRejected("net:example.com:0", "the port must be a number from 1 to 65535, not \"0\"")
        assertRejected("net:example.com:65536", "from 1 to 65535")
        assertRejected("net:example.com:", "from 1 to 65535")
        assertRejected("net:example.com:https", "from 1 to 65535")
        assertRejected("net::", "from 1 to 65535")
        assertRejected("net:10.0.0.0/33", "prefix length of an IPv4 network must be a number from 0 to 32")
        assertRejected("net:fd00::/129", "prefix length of an IPv6 network must be a number from 0 to 128")
        assertRejected("net:10.0.0.0/", "prefix length")
        assertRejected("net:10.1.0.0/8", "has bits set after the first 8")
        assertRejected("net:example.com/8", "is not an IPv4 or IPv6 address")
        assertRejected("net:exa_mple.com", "is not a host name")
        assertRejected("net:a..b", "is not a host name")
        assertRejected("net:1.2.3.999", "is not a host name")
        assertRejected("net:*.", "is not a host name")
        assertRejected("net:foo*.com", "\"*\" is allowed only as a leading \"*.\"")
        assertRejected("net:*.*.com", "\"*\" is allowed only as a leading \"*.\"")
        assertRejected("net:[fd00::1", "is not a bracketed IPv6 address")
        assertRejected("net:[10.0.0.1]:80", "is not a bracketed IPv6 address")
        assertRejected("net:[fd00::1]443", "expected \":port\" after \"]\"")
        assertRejected("net:fd00:::1", "is not an IPv6 address; write an IPv6 address with a port as [addr]:port")
        assertRejected("net:1:2:3:4:5:6:7:8:9", "is not an IPv6 address")
        assertRejected("net:fe80::1%eth0", "is not an IPv6 address")
    }

    func testProgramAndVariableRejections() {
        assertRejected("exec:", "needs a program", "exec:/usr/bin/git")
        assertRejected("exec:bin/git", "must be absolute")
        assertRejected("exec:./git", "must be absolute")
        assertRejected("exec:/usr/bin/*", "takes no globs")
        assertRejected("exec:/usr/bin/", "must name a file")
        assertRejected("exec:/usr/../bin/git", "\".\" and \"..\" components are not allowed")
        assertRejected("exec:git --version", "without arguments")
        assertRejected("env:", "needs a variable name", "env:NIO_*")
        assertRejected("env:*", "would be every variable; write plain \"env\"")
        assertRejected("env:1ABC", "is not a variable name")
        assertRejected("env:A-B", "is not a variable name")
        assertRejected("env:NIO_**", "is not a variable name")
        assertRejected("env:N*O", "is not a variable name")
    }

    // MARK: Matching constants

    func testGlobMatching() {
        let ssl = fs("/etc/ssl/**")
        for path in ["/etc/ssl", "/etc/ssl/", "/etc/ssl/cert.pem", "/etc/ssl/certs/a/b.pem", "//etc//ssl/./certs", "/../etc/ssl/c"] {
            XCTAssertTrue(ssl.covers(constant: path), path)
        }
        // A `..` after a component climbs from where a symbolic link there leads (`/proc/self/cwd/..`): never covered
        // (the eighth sweep's).
        XCTAssertFalse(ssl.covers(constant: "/etc/x/../ssl/c"))
        // `/` then a combining mark is one Character but two bytes to the kernel: `..` is still a component.
        for path in ["/etc", "/etc/ssl2", "/etc/sslx/a", "/etc/ssl/../../root/.ssh/id_rsa", "/etc/ssl/../passwd", "etc/ssl/a",
                     "ssl/cert.pem", "", "/ETC/ssl/a", "/etc/ssl/../\u{301}x/../\u{301}x/../../tmp/y"] {
            XCTAssertFalse(ssl.covers(constant: path), path)
        }
        let star = fs("/etc/ssl/*.pem")
        XCTAssertTrue(star.covers(constant: "/etc/ssl/cert.pem"))
        XCTAssertTrue(star.covers(constant: "/etc/ssl/.pem"))
        XCTAssertFalse(star.covers(constant: "/etc/ssl/certs/cert.pem"), "* stays within one component")
        XCTAssertFalse(star.covers(constant: "/etc/ssl/cert.pem.bak"))
        XCTAssertFalse(star.covers(constant: "/etc/ssl"))
        let middle = fs("/home/*/.config/**")
        XCTAssertTrue(middle.covers(constant: "/home/ann/.config/app/x.json"))
        XCTAssertFalse(middle.covers(constant: "/home/ann/bob/.config/x"))
        let deep = fs("/srv/**/logs/*-*.log")
        XCTAssertTrue(deep.covers(constant: "/srv/logs/app-1.log"))
        XCTAssertTrue(deep.covers(constant: "/srv/a/b/logs/app-1.log"))
        XCTAssertFalse(deep.covers(constant: "/srv/a/logs/app.log"))
        XCTAssertTrue(fs("/tmp/app.lock").covers(constant: "/tmp/./app.lock"))
        XCTAssertFalse(fs("/tmp/app.lock").covers(constant: "/tmp/app.lock/x"))
        XCTAssertTrue(fs("/**").covers(constant: "/"))
        XCTAssertTrue(fs("/**").covers(constant: "/../x"))
        XCTAssertTrue(fs("/a/*b*c").covers(constant: "/a/xbycbc"))
        XCTAssertFalse(fs("/a/*b*c").covers(constant: "/a/xbycb"))
    }

    func testNetworkMatching() {
        let api = net("api.example.com:443")
        XCTAssertTrue(api.covers(constant: "api.example.com:443"))
        XCTAssertTrue(api.covers(constant: "API.Example.com:443"))
        XCTAssertTrue(api.covers(constant: "api.example.com.:443"))
        XCTAssertFalse(api.covers(constant: "api.example.com:80"))
        XCTAssertFalse(api.covers(constant: "api.example.com"), "port unknown")
        XCTAssertFalse(api.covers(constant: "xapi.example.com:443"))
        XCTAssertFalse(api.covers(constant: "api.example.com:443x"))
        let anyPort = net("Example.com")
        XCTAssertTrue(anyPort.covers(constant: "example.com"))
        XCTAssertTrue(anyPort.covers(constant: "EXAMPLE.com:8080"))
        XCTAssertFalse(anyPort.covers(constant: "www.example.com:80"))
        let sub = net("*.example.com")
        XCTAssertTrue(sub.covers(constant: "a.example.com:1"))
        XCTAssertTrue(sub.covers(constant: "a.b.example.com"))
        XCTAssertFalse(sub.covers(constant: "example.com:443"), "the domain itself is not a subdomain")
        XCTAssertFalse(sub.covers(constant: "badexample.com:443"))
        XCTAssertFalse(sub.covers(constant: "a.example.com.evil.org"))
        let subPort = net("*.example.com:443")
        XCTAssertTrue(subPort.covers(constant: "a.example.com:443"))
        XCTAssertFalse(subPort.covers(constant: "a.example.com:80"))
        let v4 = net("10.0.0.0/8")
        XCTAssertTrue(v4.covers(constant: "10.200.3.4:5432"))
        XCTAssertTrue(v4.covers(constant: "10.0.0.1"))
        XCTAssertFalse(v4.covers(constant: "11.0.0.1:80"))
        XCTAssertFalse(v4.covers(constant: "010.0.0.1:80"), "leading zeros may be octal")
        XCTAssertFalse(v4.covers(constant: "10.1:80"))
        XCTAssertFalse(v4.covers(constant: "[::ffff:10.0.0.1]:80"))
        XCTAssertTrue(net("192.168.1.2").covers(constant: "192.168.1.2:22"))
        XCTAssertFalse(net("192.168.1.2").covers(constant: "192.168.1.3:22"))
        XCTAssertTrue(net("0.0.0.0/0").covers(constant: "8.8.8.8:53"))
        let v6 = net("fd00::/8")
        XCTAssertTrue(v6.covers(constant: "[fd12:3456::1]:443"))
        XCTAssertTrue(v6.covers(constant: "FD00::1"))
        XCTAssertFalse(v6.covers(constant: "[fe80::1]:443"))
        XCTAssertFalse(v6.covers(constant: "10.0.0.1:443"))
        let bracketed = net("[fd00::2]:443")
        XCTAssertTrue(bracketed.covers(constant: "[fd00:0:0::2]:443"))
        XCTAssertFalse(bracketed.covers(constant: "[fd00::2]:80"))
        XCTAssertFalse(bracketed.covers(constant: "[fd00::2]"))
        XCTAssertTrue(net("[::1]").covers(constant: "[0:0:0:0:0:0:0:1]:8080"))
        XCTAssertTrue(net("::1").covers(constant: "::1"))
        XCTAssertFalse(net("::1").covers(constant: "::2"))
        XCTAssertTrue(net("::ffff:1.2.3.4").covers(constant: "[::ffff:102:304]:1"))
        let port = net(":8080")
        XCTAssertTrue(port.covers(constant: "anything.example:8080"))
        XCTAssertTrue(port.covers(constant: "[::1]:8080"))
        XCTAssertFalse(port.covers(constant: "localhost:8081"))
        XCTAssertFalse(port.covers(constant: "localhost"))
        XCTAssertFalse(net("example.com").covers(constant: "exa mple.com"))
    }

    func testProgramMatching() {
        let git = exec("git")
        XCTAssertTrue(git.covers(constant: "git"))
        // A bare name is the program PATH finds; a path ending in it is another program (/tmp/x/git is not git).
        XCTAssertFalse(git.covers(constant: "/tmp/x/git"))
        XCTAssertFalse(git.covers(constant: "/usr/bin/git"))
        XCTAssertFalse(git.covers(constant: "./git"))
        XCTAssertFalse(git.covers(constant: "gitk"))
        let path = exec("/usr/bin/git")
        XCTAssertTrue(path.covers(constant: "/usr/bin/git"))
        XCTAssertTrue(path.covers(constant: "/usr//bin/./git"))
        XCTAssertFalse(path.covers(constant: "/usr/local/../bin/git"), "`local` may be a link")
        XCTAssertFalse(path.covers(constant: "/proc/self/cwd/../../../usr/bin/git"), "the working directory's `..`, not `/`'s")
        XCTAssertFalse(path.covers(constant: "git"), "PATH could find any git")
        XCTAssertFalse(path.covers(constant: "/usr/bin/git2"))
        XCTAssertFalse(path.covers(constant: "usr/bin/git"))
        XCTAssertFalse(ValuePattern.caller.covers(constant: "git"))
    }

    func testVariableMatching() {
        let name = env("OPENSSL_ia32cap")
        XCTAssertTrue(name.covers(constant: "OPENSSL_ia32cap"))
        XCTAssertFalse(name.covers(constant: "OPENSSL_IA32CAP"), "names are case-sensitive")
        XCTAssertFalse(name.covers(constant: "OPENSSL_ia32cap2"))
        let prefix = env("NIO_*")
        XCTAssertTrue(prefix.covers(constant: "NIO_"))
        XCTAssertTrue(prefix.covers(constant: "NIO_THREADS"))
        XCTAssertFalse(prefix.covers(constant: "NIO"))
        XCTAssertFalse(prefix.covers(constant: "nio_THREADS"))
    }

    // MARK: Prefixes (values whose rest is unknown)

    func testPrefixCoverage() {
        // fs: only `/**`, since the rest could climb out with `..`.
        XCTAssertTrue(fs("/**").covers(prefix: "/etc/"))
        XCTAssertTrue(fs("/**").covers(prefix: ""))
        XCTAssertFalse(fs("/etc/ssl/**").covers(prefix: "/etc/ssl/"))
        XCTAssertFalse(fs("/tmp/*").covers(prefix: "/tmp/"))
        // env: a prefix glob that the prefix extends.
        XCTAssertTrue(env("NIO_*").covers(prefix: "NIO_"))
        XCTAssertTrue(env("NIO_*").covers(prefix: "NIO_THREADS"))
        XCTAssertTrue(env("N*").covers(prefix: "NIO_"))
        XCTAssertFalse(env("NIO_*").covers(prefix: "NIO"))
        XCTAssertFalse(env("NIO_THREADS").covers(prefix: "NIO_THREADS"))
        // net: `host:` (port unknown) needs a pattern without a port whose host part contains the host.
        XCTAssertTrue(net("example.com").covers(prefix: "example.com:"))
        XCTAssertTrue(net("example.com").covers(prefix: "EXAMPLE.com:"))
        XCTAssertFalse(net("example.com:443").covers(prefix: "example.com:"))
        XCTAssertFalse(net("example.com").covers(prefix: "example.com"), "the host could continue")
        XCTAssertFalse(net("example.com").covers(prefix: "example."))
        XCTAssertTrue(net("*.example.com").covers(prefix: "api.example.com:"))
        XCTAssertFalse(net("*.example.com").covers(prefix: "example.com:"))
        XCTAssertFalse(net("*.example.com:443").covers(prefix: "api.example.com:"))
        XCTAssertTrue(net("10.0.0.0/8").covers(prefix: "10.1.2.3:"))
        XCTAssertFalse(net("10.0.0.0/8").covers(prefix: "10.1.2:"))
        XCTAssertTrue(net("fd00::/8").covers(prefix: "[fd00::1]:"))
        XCTAssertFalse(net(":443").covers(prefix: "example.com:"))
        // exec and @caller: never.
        XCTAssertFalse(exec("git").covers(prefix: "git"))
        XCTAssertFalse(exec("/usr/bin/git").covers(prefix: "/usr/bin/"))
        XCTAssertFalse(ValuePattern.caller.covers(prefix: ""))
    }

    // MARK: Containment

    func testIsWithin() {
        func within(_ inner: ValuePattern, _ outer: ValuePattern, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertTrue(inner.isWithin(outer), "\(inner) within \(outer)", file: file, line: line)
        }
        func notWithin(_ inner: ValuePattern, _ outer: ValuePattern, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertFalse(inner.isWithin(outer), "\(inner) not within \(outer)", file: file, line: line)
        }
        within(.caller, fs("/etc/**"))
        within(.caller, .caller)
        notWithin(fs("/etc/**"), .caller)
        // fs
        within(fs("/etc/ssl/**"), fs("/etc/**"))
        within(fs("/etc/ssl/*.pem"), fs("/etc/ssl/**"))
        within(fs("/etc/ssl/*.pem"), fs("/etc/*/*.pem"))
        within(fs("/etc/ssl/cert.pem"), fs("/etc/ssl/*.pem"))
        within(fs("/etc/ssl"), fs("/etc/ssl/**"))
        within(fs("/etc/ssl/**"), fs("/etc/ssl/**"))
        within(fs("/a/**/b/**"), fs("/a/**"))
        within(fs("/etc/**"), fs("/**"))
        notWithin(fs("/etc/**"), fs("/etc/ssl/**"))
        notWithin(fs("/etc/ssl/**"), fs("/etc/ssl/*"))
        notWithin(fs("/etc/ssl/**"), fs("/etc/ssl"))
        notWithin(fs("/etc/ssl/*.pem"), fs("/etc/ssl/*.crt"))
        notWithin(fs("/etc/ssl/*"), fs("/etc/ssl/*.pem"))
        notWithin(fs("/home/**"), fs("/etc/**"))
        // net
        within(net("a.example.com:443"), net("*.example.com"))
        within(net("a.example.com:443"), net("A.example.com"))
        within(net("*.a.example.com"), net("*.example.com"))
        within(net("*.example.com:443"), net("*.example.com"))
        within(net("10.1.0.0/16"), net("10.0.0.0/8"))
        within(net("10.1.2.3:80"), net("10.0.0.0/8"))
        within(net("[fd00::1]:443"), net("fd00::/8"))
        within(net("example.com:8080"), net(":8080"))
        within(net(":8080"), net(":8080"))
        notWithin(net("example.com"), net("*.example.com"))
        notWithin(net("*.example.com"), net("a.example.com"))
        notWithin(net("a.example.com"), net("*.example.com:443"))
        notWithin(net("10.0.0.0/8"), net("10.1.0.0/16"))
        notWithin(net("10.0.0.0/8"), net("fd00::/8"))
        notWithin(net(":8080"), net("example.com"))
        notWithin(net(":8080"), net(":8081"))
        // exec
        within(exec("git"), exec("git"))
        within(exec("/usr/bin/git"), exec("/usr//bin/git"))
        notWithin(exec("git"), exec("/usr/bin/git"))
        notWithin(exec("/usr/bin/git"), exec("git"))
        // env
        within(env("NIO_THREADS"), env("NIO_*"))
        within(env("NIO_SSL_*"), env("NIO_*"))
        within(env("HOME"), env("HOME"))
        notWithin(env("NIO_*"), env("NIO_THREADS"))
        notWithin(env("N*"), env("NIO_*"))
        // kinds never mix
        notWithin(env("HOME"), exec("HOME"))
    }

    // MARK: Nested grants

    func testNestedValidation() {
        XCTAssertEqual(nestedMessage(parent: ["fs:/etc/**"], child: ["fs:/home/**"]),
                       "nio-ssl may not receive fs:/home/** under swift-nio, which holds only fs:/etc/**")
        XCTAssertEqual(nestedMessage(parent: ["fs:/etc/**", "fs:/usr/lib/ssl/**"], child: ["fs"]),
                       "nio-ssl may not receive plain fs under swift-nio, which holds only fs:/etc/**, fs:/usr/lib/ssl/**")
        XCTAssertEqual(nestedMessage(parent: ["fs:/etc/ssl/**", "net:@caller"], child: ["fs:/etc/ssl/*.pem", "fs:/etc/**", "net:a.com"]),
                       "nio-ssl may not receive fs:/etc/** under swift-nio, which holds only fs:/etc/ssl/**\n"
                       + "p.json:2:3: nio-ssl may not receive net:a.com under swift-nio, which holds only net:@caller")
        XCTAssertEqual(nestedMessage(parent: ["env:NIO_*"], child: ["env:NIO_*", "env:HOME", "exec:git"]),
                       "nio-ssl may not receive [exec] under swift-nio, which holds only [env]\n"
                       + "p.json:2:3: nio-ssl may not receive env:HOME under swift-nio, which holds only env:NIO_*")
        // Fine: within the parent's patterns, @caller, or a plain parent.
        XCTAssertNil(nestedMessage(parent: ["fs:/etc/**", "fs:/usr/lib/ssl/**"], child: ["fs:/etc/ssl/**", "fs:/usr/lib/ssl/certs/*.pem"]))
        XCTAssertNil(nestedMessage(parent: ["fs:/etc/**"], child: ["fs:@caller"]))
        XCTAssertNil(nestedMessage(parent: ["fs", "net"], child: ["fs:/home/**", "net:a.com"]))
        XCTAssertNil(nestedMessage(parent: ["fs:/etc/**", "fs"], child: ["fs"]))
        XCTAssertNil(nestedMessage(parent: ["net:10.0.0.0/8", "net:*.example.com"], child: ["net:10.1.0.0/16", "net:api.example.com:443"]))
        XCTAssertNil(nestedMessage(parent: ["exec:git", "env:NIO_*"], child: ["exec:git", "env:NIO_THREADS", "env:@caller"]))
        XCTAssertNil(nestedMessage(parent: ["fs:/etc/**"], child: []))
    }

    func testDocumentedNestingExample() throws {
        let json = """
            { "version": 1, "packages": { "swift-nio": { "allow": ["fs:/etc/**", "net"],
                "packages": { "nio-ssl": { "allow": ["fs:/home/**", "net:*.example.com"] } } } } }
            """
        XCTAssertThrowsError(try PolicyValidator.validate(try parse(json), packages: Self.graph, dependencies: Self.dependencies, root: "app")) {
            XCTAssertEqual(($0 as? CapCheckError)?.message,
                           "p.json:2:19: nio-ssl may not receive fs:/home/** under swift-nio, which holds only fs:/etc/**")
        }
    }

    /// Glob containment checked against every path over a small alphabet: whenever `isWithin` says yes, every path
    /// the inner glob matches is matched by the outer one.
    func testGlobContainmentIsSound() {
        func sequences(_ parts: [String], upTo length: Int) -> [[String]] {
            var all: [[String]] = [[]], longest: [[String]] = [[]]
            for _ in 0..<length {
                longest = longest.flatMap { sequence in parts.map { sequence + [$0] } }
                all += longest
            }
            return all
        }
        let globs = sequences(["a", "*", "a*", "**"], upTo: 3).filter { !$0.isEmpty }.map { fs("/" + $0.joined(separator: "/")) }
        let paths = sequences(["a", "b", "ab"], upTo: 3).map { "/" + $0.joined(separator: "/") }
        var shown = 0
        for inner in globs {
            let covered = paths.filter { inner.covers(constant: $0) }
            for outer in globs where inner.isWithin(outer) {
                shown += 1
                for path in covered { XCTAssertTrue(outer.covers(constant: path), "\(inner) within \(outer), but not \(path)") }
            }
        }
        XCTAssertGreaterThan(shown, globs.count)
    }

    // MARK: Robustness

    func testRandomPatternsNeverCrash() {
        var rng = SplitMix64(seed: 0x12A11)
        let alphabet = Array("/*.:[]%-_aAzZ019fF@~ ")
        func random() -> String { String((0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }) }
        var parsed = 0
        for _ in 0..<4_000 {
            let capability = ValuePattern.valuedCapabilities.randomElement(using: &rng)!
            guard let pattern = try? ValuePattern.parse(random(), for: capability) else { continue }
            parsed += 1
            let other = (try? ValuePattern.parse(random(), for: capability)) ?? .caller
            let value = random()
            _ = pattern.covers(prefix: value)
            XCTAssertTrue(pattern.isWithin(pattern), "\(pattern)")
            // Containment is sound: whatever the inner pattern covers, the outer one covers too.
            for (inner, outer) in [(pattern, other), (other, pattern)] where inner.isWithin(outer) && inner.covers(constant: value) {
                XCTAssertTrue(outer.covers(constant: value), "\(inner) within \(outer) but \(value) only in the first")
            }
        }
        XCTAssertGreaterThan(parsed, 100)
    }
}

private extension ValuePattern {
    /// The endpoint pattern's host, for comparing parsed forms in tests.
    var endpointHost: EndpointPattern.Host? {
        guard case .endpoint(let endpoint) = self else { return nil }
        return endpoint.host
    }
}
