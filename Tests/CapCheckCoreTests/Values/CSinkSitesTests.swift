@testable import CapCheckValues
import CapCheckModel
import Foundation
import XCTest

/// Values at calls in C source, read from tokens (issue 12).
final class CSinkSitesTests: XCTestCase {
    /// Found by an evasion sweep: a parameter assigned or shadowed, a comma operator in brackets, a line splice.
    func testAParameterChangedInTheBodyAndACommaInBracketsAreNotTrusted() throws {
        let source = """
        #include <fcntl.h>
        int a(const char *p) { p = "/tmp/x"; return open(p, O_RDONLY); }
        int b(const char *p) { { const char *p = "/tmp/x"; return open(p, O_RDONLY); } }
        int c(const char *p) { return open(p, O_RDONLY); }
        int d(void) { int fd[1] = { 0 }; return openat(fd[0, "/etc/ok", 0], "/tmp/x", O_RDONLY); }
        int e(const char *p) { const char *q = p; p\\
        = "/tmp/x"; return open(p, O_RDONLY) + (q != 0); }
        int f(const char *p) { { char buf[1], p[64]; strcpy(p, "/x"); return open(p, O_RDONLY) + buf[0]; } }
        enum { p = 16 }; int g(const char ok[p], const char *p) { return open(p, O_RDONLY); }
        int h(const char *p) { char buf[8]; memcpy(buf, p, 8); return open(p, O_RDONLY); }
        int i(const char *p) { (p) = "/tmp/x"; return open(p, O_RDONLY); }
        int j(const char *p) { strcpy((char *)p, "/tmp/x"); return open(p, O_RDONLY); }
        int k(const char *p) { p\u{0B}= "/tmp/x"; return open(p, O_RDONLY); }
        int l(const char *p) { int n = 1'0; p = "/tmp/x"; return open(p + n, O_RDONLY); }
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sites-\(UUID().uuidString).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sites = try XCTUnwrap(CSinkSites(path: path, macros: .none))
        func value(line: Int, function: Int, callee: String = "open", position: Int = 0) -> ValueOrigin? {
            let definition = SourceLocation(file: path, line: line, column: function)
            // A call the text scan does not find (after a digit separator it reads a character literal) is asked at the
            // index's place of it: the call's own column on that line.
            let line = source.components(separatedBy: "\n")[line - 1]
            let call = sites.calls(of: callee, inFunctionAt: definition).first
                ?? SourceLocation(file: path, line: definition.line,
                                  column: (line.range(of: callee + "(").map { line.utf8.distance(from: line.startIndex, to: $0.lowerBound) } ?? 0) + 1)
            return sites.values(at: call, callee: callee, positions: [position], inFunctionAt: definition).first
        }
        // f, g: found by the sixth sweep (a comma declaration in an inner block; an array bound naming an enumerator).
        // i to l: the twelfth sweep's (assigned in parentheses, written through a cast, after a vertical tab, behind a
        // digit separator).
        for (line, name) in [(2, "a"), (3, "b"), (6, "e"), (8, "f"), (11, "i"), (12, "j"), (13, "k"), (14, "l")] {
            guard case .unknown? = value(line: line, function: 5) else { return XCTFail("\(name): a changed parameter is unknown") }
        }
        XCTAssertEqual(sites.parameterNames(ofFunctionAt: SourceLocation(file: path, line: 9, column: 22)), ["ok", "p"])
        XCTAssertEqual(value(line: 10, function: 5), .parameter(0, name: "p", SourceLocation(file: path, line: 10, column: 5)),
                       "a comma inside a call's parentheses declares nothing")
        XCTAssertEqual(value(line: 4, function: 5), .parameter(0, name: "p", SourceLocation(file: path, line: 4, column: 5)))
        guard case .constant("/tmp/x", _)? = value(line: 5, function: 5, callee: "openat", position: 1) else {
            return XCTFail("the path is the second argument, the comma operator inside brackets notwithstanding")
        }
    }

    /// Found by the fifth sweep: a comma inside a comment split the arguments, so a commented-out literal was read as
    /// the path (`openat(AT_FDCWD /*, "/tmp/ok", */, "/etc/passwd", …)` opened /etc/passwd).
    func testACommentAmongTheArgumentsIsNotTrusted() throws {
        let source = """
        #include <fcntl.h>
        int a(void) { return openat(AT_FDCWD /*, "/tmp/ok", */, "/etc/passwd", O_RDONLY); }
        int b(void) { return openat(AT_FDCWD, // "/tmp/ok",
                                    "/etc/passwd", O_RDONLY); }
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sites-\(UUID().uuidString).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sites = try XCTUnwrap(CSinkSites(path: path, macros: .none))
        for line in [2, 3] {
            let definition = SourceLocation(file: path, line: line, column: 5)
            let call = try XCTUnwrap(sites.calls(of: "openat", inFunctionAt: definition).first)
            guard case .unknown? = sites.values(at: call, callee: "openat", positions: [1], inFunctionAt: definition).first else {
                return XCTFail("line \(line): arguments around a comment are unknown")
            }
        }
    }

    /// Found by the fifth sweep: lookups whose argument is a key, not the file they read, and `openat2`'s path.
    func testLookupsByKeyNameNoPathAndOpenat2TakesItsSecondArgument() {
        for sink in ["getfsspec", "ether_hostton", "logwtmp", "getpass", "Foundation.NSHomeDirectoryForUser(_:)",
                     "Foundation.URL.homeDirectory(forUser:)"] {
            guard case .none = SinkArgumentRule.rule(capability: .fs, sink: sink) else { return XCTFail("\(sink) names no path") }
        }
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "openat2"), .positions([1]))
        // Found by the sixth sweep: `lstat` ends in `at` but takes its path first; a spawn's file action names its path third.
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "lstat"), .positions([0]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "mkdirat"), .positions([1]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "__fxstatat"), .positions([2]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "posix_spawn_file_actions_addopen"), .positions([2]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "posix_spawn_file_actions_addchdir_np"), .positions([1]))
        XCTAssertEqual(SinkArgumentRule.rule(capability: .fs, sink: "Foundation.FileManager.contents(atPath:)"), .pathArguments)
    }

    /// `struct statfs fs; statfs(path, &fs)` (swift-nio's shim) names the function only in the call: a tag or a member
    /// of the same name is another name space's.
    func testATagOrMemberOfTheCalleesNameIsNotAnotherUseOfIt() throws {
        let source = [
            "int a(const char *p) { struct statfs fs; return statfs(p, &fs); }",
            "int b(struct ops *o, const char *p) { return o->open(p) + o[0].open(p) + open(p, 0); }",
            "int c(const char *p) { int (*f)(const char *, struct statfs *) = statfs; return f(p, 0); }",
            "int d(void) { char *(*g)(const char *) = dlsym(0, \"getenv\"); return getenv(\"HOME\") != g(\"TOKEN\"); }",
        ].joined(separator: "\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tags-\(UUID().uuidString).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sites = try XCTUnwrap(CSinkSites(path: path, macros: .none))
        XCTAssertFalse(sites.mentionsOtherwise("statfs", inFunctionAt: SourceLocation(file: path, line: 1, column: 5)))
        XCTAssertFalse(sites.mentionsOtherwise("open", inFunctionAt: SourceLocation(file: path, line: 2, column: 5)))
        XCTAssertTrue(sites.mentionsOtherwise("statfs", inFunctionAt: SourceLocation(file: path, line: 3, column: 5)), "a pointer to it")
        // Found by the eighth sweep: looked up by name beside a direct call, it is called as `g`, whose argument is unread.
        XCTAssertTrue(sites.mentionsOtherwise("getenv", inFunctionAt: SourceLocation(file: path, line: 4, column: 5)), "a lookup by name")
    }

    func testLiteralArgumentsAreConstantsAndEverythingElseIsUnknown() throws {
        let source = """
        #include <stdlib.h>
        #define NAME "VIA_MACRO"
        /* getenv("IN_A_COMMENT") */
        const char *f(const char *name) {
            const char *a = getenv("HOME");
            const char *b = getenv ( "PRE" "FIX" );
            const char *c = getenv(name);
            const char *d = getenv(NAME);
            return a ? a : b ? b : c ? c : d;
        }
        int g(void) { return getenv("OUTSIDE") != 0; }
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sites-\(UUID().uuidString).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sites = try XCTUnwrap(CSinkSites(path: path, macros: .none))
        let calls = sites.calls(of: "getenv", inFunctionAt: SourceLocation(file: path, line: 4, column: 13))
        XCTAssertEqual(calls.map(\.line), [5, 6, 7, 8], "every call in the function's body, none in comments or other functions")
        let values = calls.flatMap { sites.values(at: $0, callee: "getenv", positions: [0]) }.map { origin -> String in
            switch origin {
            case .constant(let value, _): return value
            default: return "unknown"
            }
        }
        XCTAssertEqual(values, ["HOME", "PREFIX", "unknown", "unknown"], "a macro argument is not guessed")
        let function = SourceLocation(file: path, line: 4, column: 13)
        XCTAssertEqual(sites.parameterNames(ofFunctionAt: function), ["name"])
        XCTAssertEqual(sites.values(at: calls[2], callee: "getenv", positions: [0], inFunctionAt: function), [.parameter(0, name: "name", function)],
                       "a parameter is followed to the callers")
    }

    func testASocketAddressIsResolvedOnlyWhenBuiltFromConstantsAlone() throws {
        // The file sits in a package of its own (whose other files may define `sockaddr_in`) and includes the C library's.
        func resolve(_ body: String, after: String = "", header: String = "", include: String = "#include <netinet/in.h>",
                     macros: (String) -> MacroExpansions = { _ in .none }, packageFunctions: Set<String> = []) throws -> String {
            let source = include + "\nint f(int fd) {\n" + body + "\n    int r = connect(fd, (struct sockaddr *)&addr, sizeof addr);\n" + after + "\n    return r;\n}\n"
            let package = FileManager.default.temporaryDirectory.appendingPathComponent("socket-\(UUID().uuidString)")
            let folder = package.appendingPathComponent("Sources/C")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("include"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: package) }
            try "// swift-tools-version:6.0\n".write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
            try header.write(to: folder.appendingPathComponent("include/c.h"), atomically: true, encoding: .utf8)
            let path = folder.appendingPathComponent("c.c").path
            try source.write(toFile: path, atomically: true, encoding: .utf8)
            var sites = try XCTUnwrap(CSinkSites(path: path, macros: macros(path)))
            sites.packageFunctions = packageFunctions
            let function = SourceLocation(file: path, line: include.split(separator: "\n").count + 1, column: 5)
            let call = try XCTUnwrap(sites.calls(of: "connect", inFunctionAt: function).first)
            switch CSocketAddress(source: sites).value(at: call, callee: "connect", position: 1, inFunctionAt: function) {
            case .constant(let value, _): return value
            case .prefix(let value, _): return value + "…"
            default: return "unknown"
            }
        }
        let constant = [
            "    struct sockaddr_in addr;", "    memset(&addr, 0, sizeof addr);", "    addr.sin_family = AF_INET;",
            "    addr.sin_port = htons(443);", "    addr.sin_addr.s_addr = inet_addr(\"10.1.2.3\");",
        ].joined(separator: "\n")
        XCTAssertEqual(try resolve(constant), "10.1.2.3:443")
        XCTAssertEqual(try resolve(constant + "\n    memcpy(&addr, other, sizeof addr);"), "unknown", "overwritten")
        XCTAssertEqual(try resolve(constant + "\n    addr.sin_addr.s_addr = lookup();"), "unknown", "a second, computed address")
        XCTAssertEqual(try resolve("    struct sockaddr_in addr = *template;"), "unknown")
        // Found by an evasion sweep: a family other than the address's, and a name spelt with a universal character name.
        let six = ["    struct sockaddr_in6 addr;", "    memset(&addr, 0, sizeof addr);", "    addr.sin6_family = AF_INET;",
                   "    addr.sin6_port = htons(443);", "    inet_pton(AF_INET6, \"fd00::1\", &addr.sin6_addr);"].joined(separator: "\n")
        XCTAssertEqual(try resolve(six), "unknown", "a sockaddr_in6 told it is AF_INET is read as a sockaddr_in")
        XCTAssertEqual(try resolve(six.replacingOccurrences(of: "sin6_family = AF_INET;", with: "sin6_family = AF_INET6;")), "[fd00::1]:443")
        XCTAssertEqual(try resolve(constant + "\n    addr\\u0020;"), "unknown", "a universal character name can spell the variable")
        // Found by the fifth sweep: what fills the address must run, and before the call.
        let noAddress = constant.replacingOccurrences(of: "    addr.sin_addr.s_addr = inet_addr(\"10.1.2.3\");", with: "")
        XCTAssertEqual(try resolve(noAddress, after: "    inet_pton(AF_INET, \"10.1.2.3\", &addr.sin_addr);"), "unknown", "filled after the call")
        XCTAssertEqual(try resolve(noAddress + "\n    if (0) inet_pton(AF_INET, \"10.1.2.3\", &addr.sin_addr);"), "unknown", "filled in an `if`")
        XCTAssertEqual(try resolve(noAddress + "\n    if (fd) { inet_pton(AF_INET, \"10.1.2.3\", &addr.sin_addr); }"), "unknown", "filled in a block")
        XCTAssertEqual(try resolve(noAddress + "\n#if 0\n    inet_pton(AF_INET, \"10.1.2.3\", &addr.sin_addr);\n#endif"), "unknown", "`#if 0`")
        XCTAssertEqual(try resolve(noAddress + "\n    goto skip;\n    inet_pton(AF_INET, \"10.1.2.3\", &addr.sin_addr);\nskip:"), "unknown", "jumped over")
        XCTAssertEqual(try resolve(constant + "\n    memset(&addr, 0, sizeof addr);"), "unknown", "cleared after it is filled")
        XCTAssertEqual(try resolve(noAddress + "\n    if (inet_pton(AF_INET, \"10.1.2.3\", &addr.sin_addr) != 1) return -1;"), "10.1.2.3:443",
                       "the first thing an `if` evaluates always runs")
        XCTAssertEqual(try resolve(noAddress + "\n    if (fd && inet_pton(AF_INET, \"10.1.2.3\", &addr.sin_addr) != 1) return -1;"), "unknown")
        XCTAssertEqual(try resolve(constant.replacingOccurrences(of: "10.1.2.3", with: "010.1.2.3")), "unknown", "`inet_addr` reads 010 as octal")
        XCTAssertEqual(try resolve(constant.replacingOccurrences(of: "10.1.2.3", with: "10.1.3")), "unknown", "`inet_addr` reads 10.1.3 as 10.1.0.3")
        XCTAssertEqual(try resolve(constant.replacingOccurrences(of: "htons(443)", with: "htons(65979)")), "unknown", "65979 is 443 in 16 bits")
        // The C library's `htons` is the socket API's; a package's own `#define htons(p) 22` is not.
        func htons(from file: String) -> (String) -> MacroExpansions {
            { _ in MacroExpansions(byPosition: [MacroExpansions.position(line: 6, column: 21): [MacroReference(name: "htons", definitionFile: file, definitionOffset: 0)]]) }
        }
        XCTAssertEqual(try resolve(constant, macros: htons(from: "/usr/include/netinet/in.h")), "10.1.2.3:443")
        XCTAssertEqual(try resolve(constant, macros: htons(from: "/src/pkg/Sources/C/c.c")), "unknown", "the package's own htons")
        XCTAssertEqual(try resolve(constant, macros: { _ in .unknown }), "unknown", "no index record: the macros are not known")
        // Found by the sixth sweep: a `struct sockaddr_in` of the package's own layout (in the function, the file or a
        // header of the package), a socket header's include guard defined, or no C library header included.
        let own = "struct sockaddr_in { unsigned short sin_family; unsigned char sin_addr[4]; unsigned short sin_port; };"
        XCTAssertEqual(try resolve("    " + own + "\n" + constant), "unknown", "defined in the function")
        XCTAssertEqual(try resolve(constant, include: "#include <netinet/in.h>\n" + own.replacingOccurrences(of: "{", with: "/**/{")), "unknown")
        XCTAssertEqual(try resolve(constant, header: "#define _NETINET_IN_H 1\n" + own), "unknown", "defined in a header of the package")
        XCTAssertEqual(try resolve(constant, include: "#include \"c.h\""), "unknown", "the C library's header is not included")
        XCTAssertEqual(try resolve(constant, header: "int helper(void);"), "10.1.2.3:443", "an unrelated header")
        // Found by the nineteenth sweep, each connecting elsewhere: a package's own `htons` (the linker binds every call
        // to it), and a call whose name ends in `sizeof` (a C++ reference parameter may fill the address).
        XCTAssertEqual(try resolve(constant, packageFunctions: ["htons"]), "unknown")
        XCTAssertEqual(try resolve(constant, packageFunctions: ["helper"]), "10.1.2.3:443")
        XCTAssertEqual(try resolve(constant + "\n    wire_sizeof(addr);"), "unknown")
        XCTAssertEqual(try resolve(constant + "\n    struct sockaddr_in xaddr;\n    xaddr.sin_port = htons(80);"), "10.1.2.3:443",
                       "another variable's port is not this one's")
    }

    /// Found by an evasion sweep: literals the kernel reads otherwise than their text (a trigraph, a raw control byte),
    /// and a local that shadows the function returning a constant.
    func testLiteralsReadOtherwiseAndShadowedFunctionsAreUnknown() throws {
        let source = [
            "const char *token_name(void) { return \"SAFE\"; }",
            "int a(void) { return open(\"/tmp/m??/0/../../etc/ssl/x\", 0); }",
            "int b(void) { return open(\"/tmp/m\u{01}/../etc/ssl/x\", 0); }",
            "int c(void) { const char *(*token_name)(void) = other; return getenv(token_name()) != 0; }",
            "int d(void) { return getenv(token_name()) != 0; }",
        ].joined(separator: "\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("literals-\(UUID().uuidString).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sites = try XCTUnwrap(CSinkSites(path: path, macros: .none))
        func value(line: Int, callee: String) -> String {
            let function = SourceLocation(file: path, line: line, column: 5)
            guard let call = sites.calls(of: callee, inFunctionAt: function).first else { return "no call" }
            let origin = sites.values(at: call, callee: callee, positions: [0], inFunctionAt: function) { name, _ in
                name == "token_name" ? sites.returnedLiteral(ofFunctionAt: SourceLocation(file: path, line: 1, column: 13)) : nil
            }.first
            if case .constant(let text, _)? = origin { return text }
            return "unknown"
        }
        XCTAssertEqual(value(line: 2, callee: "open"), "unknown", "`??/` is a backslash in ISO C")
        XCTAssertEqual(value(line: 3, callee: "open"), "unknown", "a raw control byte")
        XCTAssertEqual(value(line: 4, callee: "getenv"), "unknown", "a local function pointer named like the function")
        XCTAssertEqual(value(line: 5, callee: "getenv"), "SAFE")
    }

    func testAFunctionReturningAConstantIsThatConstant() throws {
        let source = [
            "#define CERT_FILE_ENV \"SSL_CERT_FILE\"", "const char *file_env(void) { return CERT_FILE_ENV; }",
            "const char *dir_env(void) { return \"SSL_CERT_DIR\"; }", "const char *other(void) { return pick(); }",
            "void use(void) { getenv(file_env()); getenv(dir_env()); getenv(other()); }",
        ].joined(separator: "\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("returned-\(UUID().uuidString).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The index says the `return` expands the file's `#define` (at byte 8 of the file).
        let expanded = { (file: String?, offset: Int) in
            MacroExpansions(byPosition: [MacroExpansions.position(line: 2, column: 37): [MacroReference(name: "CERT_FILE_ENV", definitionFile: file, definitionOffset: offset)]])
        }
        let sites = try XCTUnwrap(CSinkSites(path: path, macros: expanded(path, 8)))
        // The twelfth sweep's: a `-D` on the command line (no file) or a redefinition the text hides (another offset).
        for (file, offset) in [(nil, 8), (path, 40)] as [(String?, Int)] {
            let other = try XCTUnwrap(CSinkSites(path: path, macros: expanded(file, offset)))
            XCTAssertNil(other.returnedLiteral(ofFunctionAt: SourceLocation(file: path, line: 2, column: 13)), "\(String(describing: file)) \(offset)")
        }
        XCTAssertEqual(sites.returnedLiteral(ofFunctionAt: SourceLocation(file: path, line: 2, column: 13)), "SSL_CERT_FILE")
        XCTAssertEqual(sites.returnedLiteral(ofFunctionAt: SourceLocation(file: path, line: 3, column: 13)), "SSL_CERT_DIR")
        XCTAssertNil(sites.returnedLiteral(ofFunctionAt: SourceLocation(file: path, line: 4, column: 13)))
        let use = SourceLocation(file: path, line: 5, column: 6)
        let names = ["file_env": SourceLocation(file: path, line: 2, column: 13), "dir_env": SourceLocation(file: path, line: 3, column: 13),
                     "other": SourceLocation(file: path, line: 4, column: 13)]
        let values = sites.calls(of: "getenv", inFunctionAt: use).flatMap { call in
            sites.values(at: call, callee: "getenv", positions: [0], inFunctionAt: use) { name, _ in names[name].flatMap(sites.returnedLiteral(ofFunctionAt:)) }
        }.map { origin -> String in
            if case .constant(let value, _) = origin { return value }
            return "unknown"
        }
        XCTAssertEqual(values, ["SSL_CERT_FILE", "SSL_CERT_DIR", "unknown"])
    }

    func testACallThroughAMacroIsNotReadAsTheFunctionsArguments() throws {
        // The index records getenv's call at the macro's use; the macro's argument is not getenv's.
        let source = "#define READ(name) getenv(\"AWS_SECRET_ACCESS_KEY\")\nconst char *f(void) { return READ(\"HOME\"); }\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("macro-\(UUID().uuidString).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sites = try XCTUnwrap(CSinkSites(path: path, macros: .none))
        let site = SourceLocation(file: path, line: 2, column: 30)
        guard case .unknown(let why, _) = sites.values(at: site, callee: "getenv", positions: [0]).first else {
            return XCTFail("a macro's argument was taken for getenv's")
        }
        XCTAssertTrue(why.contains("through a macro at `READ`"), why)
    }

    func testOnlyAMacroThatRenamesTheFunctionKeepsTheWrittenArguments() throws {
        // What the index records at each call: the macro expanded there, with the offset of its name in its #define.
        let source = """
            #define getenv(name) getenv("AWS_SECRET_ACCESS_KEY")
            #define lookup getenv
            const char *f(const char *name) { return getenv(name); }
            const char *g(void) { return lookup("HOME"); }

            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("macro-\(UUID().uuidString).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let functionLike = MacroReference(name: "getenv", definitionFile: path, definitionOffset: 8)
        let rename = MacroReference(name: "lookup", definitionFile: path, definitionOffset: 61)
        let sites = try XCTUnwrap(CSinkSites(path: path, macros: MacroExpansions(byPosition: [
            MacroExpansions.position(line: 3, column: 42): [functionLike], MacroExpansions.position(line: 4, column: 30): [rename],
        ])))
        let throughFunctionLike = sites.values(at: SourceLocation(file: path, line: 3, column: 42), callee: "getenv", positions: [0],
                                               inFunctionAt: SourceLocation(file: path, line: 3, column: 13))
        guard case .unknown(let why, _)? = throughFunctionLike.first else {
            return XCTFail("the caller's name was taken for what getenv reads: \(throughFunctionLike)")
        }
        XCTAssertTrue(why.contains("through a macro at `getenv`"), why)
        guard case .constant("HOME", _)? = sites.values(at: SourceLocation(file: path, line: 4, column: 30), callee: "getenv", positions: [0]).first else {
            return XCTFail("an object-like macro that only renames getenv keeps its arguments")
        }
        let unrecorded = try XCTUnwrap(CSinkSites(path: path, macros: .unknown))
        guard case .unknown? = unrecorded.values(at: SourceLocation(file: path, line: 4, column: 30), callee: "getenv", positions: [0]).first else {
            return XCTFail("without the source's index record nothing is read")
        }
    }
}
