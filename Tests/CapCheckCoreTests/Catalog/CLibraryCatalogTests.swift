@testable import CapCheckCore
@testable import CapCheckNativeCode
import CapCheckModel
import XCTest

/// The reviewed C list against Glibc: every name must be declared by the Glibc module's umbrella header
/// (`SwiftGlibc.h`, what `import Glibc` sees) or by one of the few extra headers the list names, or else be exported
/// by the C library itself (its internal names, `_IO_proc_open`, `__xstat`, `_nss_files_getpwnam_r`: C code that
/// declares them itself links them).
final class CLibraryCatalogTests: XCTestCase {
    /// The reviewed system calls come out in one order (a call under two capabilities included), or the syscall cache
    /// key and the analysis snapshot's differ from run to run (found by the benchmark: warm runs analysed again).
    func testReviewedSystemCallsAreInOneOrder() throws {
        let calls = try SinkCatalog.reviewedSystemCalls().map { "\($0.name):\($0.capability.name)" }
        XCTAssertEqual(calls, try SinkCatalog.reviewedSystemCalls().map { "\($0.name):\($0.capability.name)" }.sorted { a, b in
            let (x, y) = (a.split(separator: ":"), b.split(separator: ":"))
            return (x[0], x[1]) < (y[0], y[1])
        })
        XCTAssertTrue(calls.contains("io_uring_enter:fs") && calls.contains("io_uring_enter:net"))
    }

    func testEveryListedNameIsDeclaredByGlibc() throws {
        let toolchain = try Toolchain.locate()
        let target = try TargetInfo.read(toolchain)
        let arch = String(target.triple.split(separator: "-")[0])
        let umbrella = URL(fileURLWithPath: target.resourcePath).appendingPathComponent("\(target.platform)/\(arch)/SwiftGlibc.h")
        guard FileManager.default.fileExists(atPath: umbrella.path) else { throw XCTSkip("no Glibc module on this platform (\(umbrella.path))") }
        let data = try Data(contentsOf: GeneratedCatalog.resourcesFolder.appendingPathComponent("libc.json"))
        let list = try JSONDecoder().decode(CLibraryCatalogFile.self, from: data)
        let names = Set(list.functions.values.joined()).union(list.variables.values.joined()).union(list.pure)
        XCTAssertGreaterThan(names.count, 250)

        var source = "#define _GNU_SOURCE 1\n#include \"\(umbrella.path)\"\n"
        source += list.extraHeaders.map { "#include <\($0)>\n" }.joined()
        source += "void capcheck_probe(void) {\n"
        // Macros (errno, assert, va_start) exist as macros; everything else must be a declared function or variable.
        source += names.sorted().map { "#ifndef \($0)\n  (void)&\($0);\n#endif\n" }.joined()
        source += "}\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-libc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("probe.c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let clang = toolchain.libraryDirectory.deletingLastPathComponent().appendingPathComponent("bin/clang")
        let result = try ProcessRunner.run(clang, ["-fsyntax-only", "-ferror-limit=0", "-Werror=implicit-function-declaration", file.path])
        let errors = result.stderr.split(separator: "\n").filter { $0.contains("error:") }.map { String($0.split(separator: "error:").last ?? "") }
        let undeclared = errors.compactMap { error -> String? in
            guard let marker = error.range(of: "undeclared identifier '") else { return nil }
            return String(error[marker.upperBound...].prefix { $0 != "'" })
        }
        XCTAssertEqual(undeclared.count, errors.count, "errors other than undeclared names:\n" + errors.joined(separator: "\n"))
        XCTAssertEqual(undeclared.filter { !RuntimeExports.contains($0) }, [], "names Glibc neither declares nor exports")
        XCTAssertTrue(undeclared.contains("_IO_proc_open"), "the exported-only names are checked by the library's symbols")
    }

    /// A name may need several capabilities (`localtime_r` reads `TZ` and `/etc/localtime`), but a pure name needs none.
    func testNoNameIsBothPureAndACapability() throws {
        let data = try Data(contentsOf: GeneratedCatalog.resourcesFolder.appendingPathComponent("libc.json"))
        let list = try JSONDecoder().decode(CLibraryCatalogFile.self, from: data)
        var seen: [String: Set<String>] = [:]
        for (capability, names) in list.functions { for name in names { seen[name, default: []].insert(capability) } }
        for name in list.pure { XCTAssertNil(seen[name], "\(name) is both \(seen[name] ?? []) and pure") }
        for prefix in list.purePrefixes {
            for (name, capabilities) in seen where name.hasPrefix(prefix) { XCTFail("\(name) is \(capabilities) but matches pure prefix \(prefix)") }
        }
        XCTAssertEqual(seen["localtime_r"], ["env", "fs"], "the time zone comes from TZ or /etc/localtime")
    }

    /// A function listed under several capabilities is one sink needing each (`SinkMatch.alsoNeeds`), first in
    /// `Capability.builtIn` order.
    /// From Swift, a package's C++ method or constructor and a package's own C global are foreign code like a C
    /// function (`ffi`, on edges from Swift only); a toolchain C variable the list does not name is nothing.
    func testSwiftEnteringCxxMethodsOrAPackagesCGlobalIsFFI() throws {
        let catalog = try SinkCatalog.bundled()
        func node(_ kind: SymbolKind, _ language: SymbolLanguage, package: String?) -> GraphNode {
            GraphNode(usr: "c:@x", name: "x", kind: kind, language: language, package: package, module: package,
                      location: package.map { SourceLocation(file: "/p/\($0).cpp", line: 1, column: 1) }, isFileMain: false)
        }
        for kind in [SymbolKind.instanceMethod, .constructor, .staticMethod] {
            let match = catalog.toolchainMatch(node(kind, .cxx, package: "p"), demangled: nil)
            XCTAssertEqual(match?.capability, .ffi, "\(kind)")
            XCTAssertEqual(match?.onlyFromSwift, true)
        }
        XCTAssertEqual(catalog.toolchainMatch(node(.variable, .c, package: "p"), demangled: nil)?.capability, .ffi)
        XCTAssertNil(catalog.toolchainMatch(node(.variable, .c, package: nil), demangled: nil))
    }

    /// Aliases are read from the C libraries only (Swift's and Foundation's symbol tables cost every run 0.15 s): so
    /// every listed function any runtime library exports must be one the C libraries export, or its aliases are lost.
    func testEveryListedFunctionTheRuntimeExportsComesFromTheCLibraries() throws {
        let data = try Data(contentsOf: GeneratedCatalog.resourcesFolder.appendingPathComponent("libc.json"))
        let list = try JSONDecoder().decode(CLibraryCatalogFile.self, from: data)
        let exported = Set(list.functions.values.joined()).filter(RuntimeExports.contains)
        XCTAssertGreaterThan(exported.count, 250)
        XCTAssertEqual(exported.filter { !RuntimeExports.isCLibraryExport($0) }.sorted(), [])
    }

    /// Other names the C library exports a listed function under, at the same address, are that function's sink.
    func testAnExportedAliasOfAListedFunctionIsItsSink() throws {
        let catalog = try SinkCatalog.bundled().addingAliases(["__open": ["open", "open64"], "__strlen_avx2": ["strlen"], "strlen": ["__strlen_avx2"]])
        func match(_ name: String) -> SinkMatch? {
            catalog.toolchainMatch(GraphNode(usr: "c:@F@\(name)", name: name, kind: .function, language: .c, package: nil, module: nil,
                                             location: nil, isFileMain: false), demangled: nil)
        }
        XCTAssertEqual(match("__open")?.capability, .fs)
        XCTAssertEqual(match("__open")?.onlyFromSwift, false, "a sink from C code too")
        XCTAssertNil(match("strlen"), "a pure name keeps its entry")
        XCTAssertEqual(match("__strlen_avx2")?.capability, .ffi, "an alias of a pure name is any other C function")
        XCTAssertTrue(RuntimeExports.aliases["_IO_popen"]?.contains("popen") == true, "read from the C library's symbols")
    }

    /// Found by an evasion sweep: a package's C definition of `swift_retain` replaces the Swift runtime's for the whole
    /// program, as one of `open` replaces the C library's; and `io_uring` runs file and network requests alike.
    func testTheSwiftRuntimesExportsCanBeReplacedAndIoUringIsFileAndNetwork() throws {
        XCTAssertTrue(RuntimeExports.contains("swift_retain"), "the Swift runtime's exports")
        XCTAssertTrue(RuntimeExports.contains("dispatch_async"), "Dispatch's")
        let needs = try SinkCatalog.reviewedSystemCalls().filter { $0.name == "io_uring_enter" }.map(\.capability.name).sorted()
        XCTAssertEqual(needs, ["fs", "net"])
    }

    func testAFunctionNeedingSeveralCapabilitiesIsOneSinkWithEach() throws {
        let catalog = try SinkCatalog.bundled()
        func match(_ name: String) -> SinkMatch? {
            catalog.toolchainMatch(GraphNode(usr: "c:@F@" + name, name: name, kind: .function, language: .c, package: nil, module: nil,
                                             location: nil, isFileMain: false), demangled: nil)
        }
        XCTAssertEqual(match("localtime_r")?.capabilities, [.fs, .env])
        // The ninth sweep, under strace: `gmtime_r` and `timegm` load the zone `TZ` names too; `prlimit` on another
        // process's id can kill it; System V shared memory is named by a key any process can use.
        XCTAssertEqual(match("gmtime_r")?.capabilities, [.fs, .env])
        XCTAssertEqual(match("timegm")?.capabilities, [.fs, .env])
        XCTAssertEqual(match("prlimit")?.capabilities, [.exec])
        XCTAssertEqual(match("shmget")?.capabilities, [.fs])
        XCTAssertEqual(match("shmat")?.capabilities, [.fs])
        // The run-time oracle's PathFiles probe: PathKit's `Path.glob` made glibc's `glob` read `HOME` (`GLOB_TILDE`).
        XCTAssertEqual(match("glob")?.capabilities, [.fs, .env])
        XCTAssertEqual(match("glob64")?.capabilities, [.fs, .env])
    }

    /// system-libraries.json's `functions` classify a library's C functions by name: zlib's `gzopen` opens a file.
    func testSystemLibraryFunctionsAreClassifiedByName() throws {
        let catalog = try SinkCatalog.bundled()
        func match(_ name: String) -> SinkMatch? {
            catalog.toolchainMatch(GraphNode(usr: "c:@F@" + name, name: name, kind: .function, language: .c, package: nil, module: nil,
                                             location: nil, isFileMain: false), demangled: nil)
        }
        XCTAssertEqual(match("gzopen")?.capabilities, [.fs])
        XCTAssertEqual(match("inflate")?.capabilities, [.ffi], "the rest of zlib is C code, ffi from Swift")
        XCTAssertEqual(catalog.systemLibraries["sqlite3"]?.map(\.capability), [.env, .fs])
    }

    /// A package's own C function named like a pure one is its code, `ffi` from Swift: the tenth sweep's `long labs(long)`
    /// read `SECRET_TOKEN` off the stack and was classified as libc's `labs`, so Swift's call of it needed nothing.
    func testAPackagesOwnFunctionNamedLikeAPureOneIsItsCode() throws {
        let catalog = try SinkCatalog.bundled()
        let own = GraphNode(usr: "c:@F@labs", name: "labs", kind: .function, language: .c, package: "evil", module: "CEvil",
                            location: SourceLocation(file: "/virtual/evil/Sources/CEvil/evil.c", line: 3, column: 6), isFileMain: false)
        XCTAssertEqual(catalog.toolchainMatch(own, demangled: nil)?.capability, .ffi)
        XCTAssertEqual(catalog.toolchainMatch(own, demangled: nil)?.onlyFromSwift, true)
        let libc = GraphNode(usr: "c:@F@labs", name: "labs", kind: .function, language: .c, package: nil, module: nil,
                             location: nil, isFileMain: false)
        XCTAssertNil(catalog.toolchainMatch(libc, demangled: nil))
    }

    /// C functions that compute from their arguments alone are not `ffi`: calling `pow` (async-http-client's backoff) or
    /// `round` (GRDB) from Swift needs nothing. Dropping one of these from `pure` fails here.
    func testPureCFunctionsNeedNothing() throws {
        let catalog = try SinkCatalog.bundled()
        let pure = ["pow", "sqrt", "round", "floor", "ceil", "exp", "log", "sin", "fabs", "fmod", "lround", "div", "abs", "llabs",
                    "strlen", "strcmp", "strncmp", "memcmp", "memchr", "strchr", "strstr", "isdigit", "isalpha", "isspace", "toupper",
                    "qsort", "bsearch", "time", "strtol"]
        for name in pure {
            let node = GraphNode(usr: "c:@F@" + name, name: name, kind: .function, language: .c, package: nil, module: nil,
                                 location: nil, isFileMain: false)
            XCTAssertNil(catalog.toolchainMatch(node, demangled: nil), "\(name) should need nothing")
        }
    }
}
