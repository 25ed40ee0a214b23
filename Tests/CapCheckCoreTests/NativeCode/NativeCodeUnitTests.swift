@testable import CapCheckCore
import CapCheckModel
@testable import CapCheckNativeCode
import Foundation
import XCTest

/// The pieces of the libclang pass that do not need a fixture build: finding libclang, reading SwiftPM's build
/// manifest and module maps, the syscall table, and the explicit-grant rule of binary targets.
final class NativeCodeUnitTests: XCTestCase {
    func testLibClangNamesAreRecognised() {
        XCTAssertTrue(LibClangLocator.isLibClang("libclang.so"))
        XCTAssertTrue(LibClangLocator.isLibClang("libclang.so.21.0"))
        XCTAssertTrue(LibClangLocator.isLibClang("libclang-14.so.13"))
        XCTAssertFalse(LibClangLocator.isLibClang("libclang-cpp.so.14"))
        XCTAssertFalse(LibClangLocator.isLibClang("libclangAST.a"))
    }

    func testSystemCandidatesComeFromLdconfigNewestFirst() {
        let listing = """
            1234 libs found in cache `/etc/ld.so.cache'
            \tlibclang-cpp.so.14 (libc6,x86-64) => /lib/x86_64-linux-gnu/libclang-cpp.so.14
            \tlibclang-14.so.13 (libc6,x86-64) => /lib/x86_64-linux-gnu/libclang-14.so.13
            \tlibclang-16.so.16 (libc6,x86-64) => /lib/x86_64-linux-gnu/libclang-16.so.16
            """
        XCTAssertEqual(LibClangLocator.systemCandidates(ldconfigListing: listing, llvmRoots: []),
                       ["/lib/x86_64-linux-gnu/libclang-16.so.16", "/lib/x86_64-linux-gnu/libclang-14.so.13"])
    }

    func testOverrideMustExist() throws {
        let toolchain = try Toolchain.locate()
        XCTAssertThrowsError(try LibClangLocator.locate(toolchain: toolchain, environment: ["CAPCHECK_LIBCLANG": "/nonexistent/libclang.so"])) {
            XCTAssertEqual(($0 as? CapCheckError)?.kind, .toolchain)
        }
    }

    func testBuildManifestGivesEachClangCommandWithoutItsOutputs() {
        let manifest = """
            commands:
              "/s/.build/debug/CSock.build/sock.c.o":
                tool: clang
                inputs: ["/p/Sources/CSock/sock.c"]
                outputs: ["/s/.build/debug/CSock.build/sock.c.o"]
                args: ["/opt/swift/usr/bin/clang","-target","x86_64-unknown-linux-gnu","-DSWIFT_PACKAGE=1","-index-store-path","/s/store","-I","/p/Sources/CSock/include","-fmodules","-fmodules-cache-path=/s/cache","-MD","-MT","dependencies","-MF","/s/sock.c.d","-c","/p/Sources/CSock/sock.c","-o","/s/sock.c.o"]

              "/s/.build/debug/Sock.build/sources":
                tool: write-auxiliary-file
                inputs: ["<sources-file-list>","/p/Sources/Sock/Sock.swift"]
            """
        XCTAssertEqual(ClangCompileCommands.fromBuildManifest(manifest), [
            ClangCompileCommand(source: "/p/Sources/CSock/sock.c",
                                arguments: ["-target", "x86_64-unknown-linux-gnu", "-DSWIFT_PACKAGE=1", "-I", "/p/Sources/CSock/include"],
                                output: "/s/sock.c.o", hidingIncludes: "-fmodules"),
        ])
    }

    /// A source counts as compiled by this build when it has an index unit, or, without one (indexing switched off
    /// for it), when its object file exists: hiding from the index does not hide from the libclang pass.
    func testSourcesCompiledWithoutAnIndexUnitAreStillAnalysed() throws {
        let object = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-\(UUID().uuidString).o")
        let units: [String: [(path: String, isSystem: Bool)]] = ["/p/indexed.c": [("/p/indexed.c", false)]]
        XCTAssertTrue(ClangCompileCommand(source: "/p/indexed.c", arguments: []).wasCompiled(units: units))
        XCTAssertFalse(ClangCompileCommand(source: "/p/unbuilt.c", arguments: [], output: object.path).wasCompiled(units: units))
        try Data().write(to: object)
        defer { try? FileManager.default.removeItem(at: object) }
        XCTAssertTrue(ClangCompileCommand(source: "/p/unbuilt.c", arguments: [], output: object.path).wasCompiled(units: units))
        XCTAssertTrue(ClangCompileCommand(source: "/p/layout.c", arguments: []).wasCompiled(units: units), "no known object file")
        XCTAssertTrue(ClangCompileCommand(source: "/p/any.c", arguments: []).wasCompiled(units: [:]), "no unit list")
    }

    func testModuleMapNamesModulesAndLibraries() {
        let map = ModuleMapFile.parse("""
            module CZlib [system] {
                header "shim.h"
                link "z"
                export *
            }
            module CSSL { link framework "Security" }
            """)
        XCTAssertEqual(map, ModuleMapFile(modules: ["CZlib", "CSSL"], linkedLibraries: ["z", "Security"]))
    }

    /// What an `asm` template names, as clang prints it: an escape separates names however its letters look
    /// (`\nadd_payload` names `add_payload`, not `_payload`), and only the template, not the operands, is read.
    func testWhatAnAsmTemplateNames() {
        XCTAssertEqual(AsmTemplates.identifiers(inPrinted: #"__asm (".globl boot\nboot:\n\tjmp payload\n");"#),
                       ["globl", "boot", "boot", "jmp", "payload"])
        XCTAssertEqual(AsmTemplates.identifiers(inPrinted: #"int f() { asm volatile ("\nadd_payload\x41\101call_it" : "=r" (x)); }"#),
                       ["add_payload", "call_it"])
        XCTAssertEqual(AsmTemplates.identifiers(inPrinted: "int plasma(void) { return 0; }"), [])
    }

    /// The twentieth sweep's: the link step splits each autolink entry on white space, so a link name or an entry with
    /// a space is more than a library (`link "m --ld-path=<the package's program>"`, `-lm -Wl,-init=boot`).
    func testWhatTheLinkStepGetsFromALinkNameOrAnAutolinkEntry() {
        XCTAssertEqual(ModuleMapFile.parse(#"module CDep { link "m --ld-path=/x/ld" }"#).linkedLibraries, ["m --ld-path=/x/ld"])
        XCTAssertEqual(LinkerArguments.flags(in: ["-lm", "-lz", "-lstdc++", "-lcurl-gnutls"]), [])
        XCTAssertEqual(LinkerArguments.flags(in: ["-lm -Wl,-init=boot", "-lm\t--ld-path=/x/ld"]), ["-Wl,-init=boot", "--ld-path=/x/ld"])
        XCTAssertEqual(LinkerArguments.flags(in: ["-l/abs/lib.so", "-Wl,-rpath,/x"]), ["-l/abs/lib.so", "-Wl,-rpath,/x"])
        XCTAssertEqual(AutolinkEntries.placedByThePackage(["-lm", "-lm -Wl,-init=boot", "-Wl,-z,now"], inSwiftObject: true),
                       ["-lm -Wl,-init=boot", "-Wl,-z,now"])
    }

    func testSyscallNumbersAreReadFromThePlatformHeaders() throws {
        let toolchain = try Toolchain.locate()
        let path = try LibClangLocator.locate(toolchain: toolchain)
        let api = try LibClangAPI(library: NativeLibrary(path: path))
        let index = try XCTUnwrap(api.createIndex(0, 0))
        defer { api.disposeIndex(index) }
        let (table, errors) = try SyscallTable.evaluate(api: api, index: index, names: SinkCatalog.reviewedSystemCalls(),
                                                       arguments: LibClangLocator.resourceArguments(forLibrary: path))
        XCTAssertEqual(errors, [])
        let names = Dictionary(table.entries.values.map { ($0.name, $0.capability) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(names["openat"], .fs)
        XCTAssertEqual(names["socket"], .net)
        XCTAssertEqual(names["execve"], .exec)
        XCTAssertNil(names["getpid"])
        XCTAssertEqual(NativeGraphMerger.syscallSinks(SyscallSite(site: SourceLocation(file: "x.c", line: 1, column: 1), number: nil), table).map(\.1), [.fs, .net, .exec])
    }

    // MARK: Binary and system-library targets

    func testBinaryTargetNeedsAnExplicitFFIGrant() throws {
        let sink = "binary target BinMod (BinMod.artifactbundle)"
        XCTAssertEqual(try Self.check(.binary, policy: #"{ "version": 1, "unlisted": "inherit", "packages": {} }"#),
                       ["vendor ffi \(sink)"])
        XCTAssertEqual(try Self.check(.binary, policy: #"{ "version": 1, "packages": { "vendor": { "allow": ["ffi"] } } }"#), [])
        XCTAssertEqual(try Self.check(.binary, policy: #"{ "version": 1, "packages": {} }"#), ["vendor ffi \(sink)"])
    }

    func testSystemLibraryTargetIsHeldThroughAnInheritedGrant() throws {
        XCTAssertEqual(try Self.check(.systemLibrary, policy: #"{ "version": 1, "unlisted": "inherit", "packages": {} }"#), [])
        XCTAssertEqual(try Self.check(.systemLibrary, policy: #"{ "version": 1, "packages": {} }"#),
                       ["vendor ffi system library target BinMod"])
    }

    /// A system library the catalog knows (`system-libraries.json`) adds what it can do: sqlite3 reads its temporary
    /// folder from the environment and opens files, whichever of its functions is called (found by RealWorld/Dynamic:
    /// GRDB's `sqlite3_open_v2` reads `SQLITE_TMPDIR`). A library the catalog does not know stays `ffi` alone.
    func testSystemLibraryTargetReachesWhatItsLibraryCanDo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-syslib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"module BinMod [system] { header "shim.h" link "sqlite3" export * }"#
            .write(to: folder.appendingPathComponent("module.modulemap"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try Self.check(.systemLibrary, policy: #"{ "version": 1, "packages": { "vendor": { "allow": ["ffi"] } } }"#,
                                      targetPath: folder.path), [
            "vendor env library sqlite3: reads SQLITE_TMPDIR and TMPDIR for its temporary files",
            "vendor fs library sqlite3: opens, reads and writes database, journal and temporary files",
        ])
        try #"module BinMod [system] { header "shim.h" link "capcheck-unknown" export * }"#
            .write(to: folder.appendingPathComponent("module.modulemap"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try Self.check(.systemLibrary, policy: #"{ "version": 1, "packages": {} }"#, targetPath: folder.path),
                       ["vendor ffi system library target BinMod (links capcheck-unknown)"])
    }

    /// The root calls `Wrapper.wrap()`, declared in a file of the `vendor` package that imports `BinMod`.
    private static func check(_ kind: Target.Kind, policy text: String, targetPath: String? = nil) throws -> [String] {
        let packageGraph = binaryGraph(kind: kind, targetPath: targetPath)
        let wrap = IndexSymbol(usr: "s:7Wrapper4wrapyyF", name: "wrap()", kind: .function, subkind: 0, language: .swift)
        let module = IndexSymbol(usr: "c:@M@BinMod", name: "BinMod", kind: .module, subkind: 0, language: .swift)
        let records = [
            IndexRecord(name: "main", filePath: "/virtual/app/Sources/App/main.swift", moduleName: "App", symbols: [wrap],
                        occurrences: [IndexOccurrence(symbol: 0, roles: [.reference, .call], line: 2, column: 1)]),
            IndexRecord(name: "wrapper", filePath: "/virtual/vendor/Sources/Wrapper/Wrapper.swift", moduleName: "Wrapper",
                        symbols: [module, wrap],
                        occurrences: [IndexOccurrence(symbol: 0, roles: [.reference], line: 1, column: 8),
                                      IndexOccurrence(symbol: 1, roles: [.definition], line: 3, column: 13)]),
        ]
        let ownership = SourceOwnership(graph: packageGraph)
        let (builder, facts) = CallGraphBuilder(packageGraph: packageGraph, ownership: ownership).build(records: records)
        let catalog = try SinkCatalog.bundled()
        _ = ImplicitEdgeRules(facts: facts).apply(to: builder)
        _ = NativeGraphMerger(packageGraph: packageGraph, includeTests: false, systemLibraries: catalog.systemLibraries,
                              findings: NativeFindings(), records: records).apply(to: builder)
        let graph = builder.freeze()
        let toolchain = try Toolchain.locate()
        let naming = SymbolNaming(demangler: try SwiftDemangler(libraryPath: toolchain.library("libswiftDemangle.so", override: "CAPCHECK_LIBSWIFTDEMANGLE")))
        let checker = Checker(graph: graph, packageGraph: packageGraph, ownership: ownership, catalog: catalog,
                              naming: naming, includeTests: false)
        let policy = try PolicyLoader.parse(Data(text.utf8), file: "test.json")
        return checker.run(policy: policy, collectViolations: true).violationKeys
    }

    private static func binaryGraph(kind: Target.Kind, targetPath: String? = nil) -> PackageGraph {
        let app = Package(identity: "app", name: "App", path: "/virtual/app", version: nil, targets: [
            Target(name: "App", moduleName: "App", kind: .swift, path: "/virtual/app/Sources/App", isTest: false),
        ])
        let vendor = Package(identity: "vendor", name: "Vendor", path: "/virtual/vendor", version: nil, targets: [
            Target(name: "Wrapper", moduleName: "Wrapper", kind: .swift, path: "/virtual/vendor/Sources/Wrapper", isTest: false),
            Target(name: "BinMod", moduleName: "BinMod", kind: kind,
                   path: targetPath ?? (kind == .binary ? "/virtual/vendor/BinMod.artifactbundle" : "/virtual/vendor/Sources/BinMod"),
                   isTest: false),
        ])
        return PackageGraph(root: app, packages: [app, vendor], dependencies: ["app": ["vendor"], "vendor": []])
    }

    /// An assembly source's cache key covers what it includes, read from the dependency file the build wrote beside its
    /// object (the twenty-seventh sweep changed only an `#include`d `.inc` file, whose autolink entries then asked for
    /// an init hook, and the kept report was reused).
    func testAnAssemblySourcesIncludesAreReadFromItsDependencyFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-deps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let object = folder.appendingPathComponent("entries.S.o").path
        try "dependencies: /p/Sources/C/entries.S /p/Sources/C/entries.inc \\\n  /p/Sources/C/with\\ space.inc\n"
            .write(toFile: String(object.dropLast(2)) + ".d", atomically: true, encoding: .utf8)
        XCTAssertEqual(NativeCodeAnalyzer.dependencyFileInputs(ofObject: object),
                       ["/p/Sources/C/entries.S", "/p/Sources/C/entries.inc", "/p/Sources/C/with space.inc"])
        XCTAssertEqual(NativeCodeAnalyzer.dependencyFileInputs(ofObject: folder.appendingPathComponent("none.S.o").path), [])
    }

    /// A target's public headers are in the folder the module map SwiftPM wrote for it names (`publicHeadersPath`), not
    /// always `include` (the twenty-seventh sweep's header, only Swift imported it, was never read); a module map
    /// naming a folder outside the target is not followed.
    func testPublicHeadersAreFoundWhereTheBuildsModuleMapSays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-public-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = Target(name: "CLib", moduleName: "CLib", kind: .clang, path: folder.appendingPathComponent("Sources/CLib").path, isTest: false)
        let products = folder.appendingPathComponent("debug")
        try FileManager.default.createDirectory(at: products.appendingPathComponent("CLib.build"), withIntermediateDirectories: true)
        var units = PublicHeaderUnits()
        XCTAssertEqual(units.publicHeadersFolder(of: target), target.path + "/include", "no products folder")
        units.productsFolder = products
        let map = products.appendingPathComponent("CLib.build/module.modulemap")
        try "module CLib {\n    umbrella \"\(target.path)/public\"\n    export *\n}\n".write(to: map, atomically: true, encoding: .utf8)
        XCTAssertEqual(units.publicHeadersFolder(of: target), target.path + "/public")
        try "module CLib {\n    umbrella header \"\(target.path)/api/CLib.h\"\n}\n".write(to: map, atomically: true, encoding: .utf8)
        XCTAssertEqual(units.publicHeadersFolder(of: target), target.path + "/api")
        try "module CLib {\n    umbrella \"/usr/include\"\n}\n".write(to: map, atomically: true, encoding: .utf8)
        XCTAssertEqual(units.publicHeadersFolder(of: target), target.path + "/include")
    }
}
