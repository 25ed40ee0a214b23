import CapCheckCore
import Foundation
import XCTest

/// `capcheck check` on Fixtures/EscapeApp: each dependency hides a capability where the index does not show it
/// (an `@_silgen_name` binding and a `dlsym` string, an `@_cdecl` export, code under `#if os(macOS)`,
/// `unowned(unsafe)`). Every payload is either a violation or an unanalysed entry: none passes silently.
final class EscapeAppTests: XCTestCase {
    nonisolated(unsafe) private static var cached: AnalysisReport?
    private func report() throws -> AnalysisReport {
        if let report = Self.cached { return report }
        let report = try Fixtures.analyse("EscapeApp")
        Self.cached = report
        return report
    }

    private func violation(_ package: String, _ capability: String, _ sink: String) throws -> Violation {
        let report = try report()
        return try XCTUnwrap(report.violations.first { $0.package == package && $0.capability == capability && $0.sink == sink },
                             "no \(package) \(capability) \(sink) in \(report.violationKeys)")
    }

    func testExactViolationSet() throws {
        XCTAssertEqual(try report().violationKeys, [
            #"alias-core ffi @_cdecl("capcheck_alias_hook")"#,
            "alias-core fs mkdir",
            #"cdecl-hook ffi @_cdecl("capcheck_cdecl_hook")"#,
            #"cdecl-hook ffi @c("capcheck_c_hook")"#,
            "cdecl-hook fs Foundation.FileManager.createFile(atPath:contents:attributes:)",
            "cdecl-hook fs lchown",
            "cdecl-hook fs lutimes",
            "cdecl-hook fs truncate",
            #"cdecl-hook unsafe @_section(".init_array.00101")"#,
            "cdecl-hook unsafe @_used",
            #"cdecl-hook unsafe @section(".init_array")"#,
            "cdecl-hook unsafe @used",
            "gen-plugin env Foundation.ProcessInfo.environment",
            "gen-plugin fs Foundation.FileManager.isExecutableFile(atPath:)",
            "silgen-socket env getenv (looked up by dlsym)",
            #"silgen-socket ffi @_silgen_name("$sSS20FoundationEssentialsE14contentsOfFile8encodingS2Sh_SSAAE8EncodingVtKcfC")"#,
            #"silgen-socket ffi @_silgen_name("socket")"#,
            "silgen-socket ffi _typeByName (a type looked up by name at run time)",
            "silgen-socket ffi dlsym",
            #"silgen-socket ffi dlsym("getenv")"#,
            "silgen-socket fs Foundation.String.init(contentsOfFile:encoding:)",
            #"silgen-socket net socket (bound by @_silgen_name("socket"))"#,
            "silgen-socket unsafe Swift.UnsafeMutableRawPointer",
            "unsafe-unowned ffi import Builtin",
            "unsafe-unowned unsafe import Builtin",
            "unsafe-unowned unsafe unowned(unsafe)",
        ])
    }

    /// GenPlugin (granted `build` only) writes `GeneratedConfig.swift` into EscapeApp's own module: the code is the
    /// plugin's package's, whatever module SwiftPM compiles it into, so its environment read is gen-plugin's violation,
    /// not the root's (the ninth sweep's).
    func testCodeABuildToolPluginGeneratesIsItsPackagesCode() throws {
        let path = try violation("gen-plugin", "env", "Foundation.ProcessInfo.environment").path
        XCTAssertEqual(path.map(\.symbol).suffix(2), ["EscapeApp.GeneratedConfig.secret()", "FoundationEssentials.ProcessInfo.environment"])
        XCTAssertTrue(path.last?.file.contains("/plugins/outputs/escapeapp/EscapeApp/destination/GenPlugin/") == true, path.last?.file ?? "")
    }

    /// GenPlugin also writes `Elsewhere.swift` into EscapeApp's module from `<scratch>/gen-elsewhere/`, outside SwiftPM's
    /// plugin outputs: a file compiled into a target that uses build-tool plugins, from outside every target's folder,
    /// is still the plugins' package's code (the thirtieth sweep's passed as the root's own).
    func testCodeAPluginWritesOutsideItsOutputFolderIsStillItsPackagesCode() throws {
        let path = try violation("gen-plugin", "fs", "Foundation.FileManager.isExecutableFile(atPath:)").path
        XCTAssertEqual(path.map(\.symbol).suffix(2), ["EscapeApp.GeneratedElsewhere.probe()", "FoundationEssentials.FileManager.isExecutableFile(atPath:)"])
        XCTAssertTrue(path.last?.file.hasSuffix("/gen-elsewhere/Elsewhere.swift") == true, path.last?.file ?? "")
    }

    /// alias-user renames alias-core's module (`moduleAliases: ["AliasCore": "HiddenCore"]`): the build and the index say
    /// `HiddenCore`, `describe` says `AliasCore`. Its `@_cdecl` export is still read (the eleventh sweep's: it was not).
    func testARenamedModulesEscapeHatchesAreRead() throws {
        let path = try violation("alias-core", "fs", "mkdir").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "aliasHook()", "mkdir"])
        XCTAssertEqual(path[1].via, EdgeKind.exportedToC.rawValue)
    }

    func testSilgenNameReachesTheCFunctionsCapabilityThroughItsSwiftFunction() throws {
        let path = try violation("silgen-socket", "net", #"socket (bound by @_silgen_name("socket"))"#).path
        XCTAssertEqual(path.map(\.symbol), ["top-level code (main.swift)", "SilgenSocket.RawNet.open()", "SilgenSocket.rawSocket(_:_:_:)",
                                            #"socket (bound by @_silgen_name("socket"))"#])
        XCTAssertTrue(path[3].file.hasSuffix("silgen-socket/Sources/SilgenSocket/SilgenSocket.swift"))
        XCTAssertEqual(path[3].line, 6)  // the attribute
    }

    func testSilgenNameOfASwiftSymbolIsThatDeclarationsSink() throws {
        let path = try violation("silgen-socket", "fs", "Foundation.String.init(contentsOfFile:encoding:)").path
        XCTAssertEqual(path.suffix(3).map(\.symbol), ["SilgenSocket.RawNet.readBack()", "SilgenSocket.readText(_:_:)",
                                                      "FoundationEssentials.String.init(contentsOfFile:encoding:)"])
    }

    func testCdeclExportIsReachedFromProgramStart() throws {
        // Nothing in Swift calls cdeclHook(): C code may, so it runs under cdecl-hook's own grant from program start.
        let path = try violation("cdecl-hook", "fs", "Foundation.FileManager.createFile(atPath:contents:attributes:)").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "cdeclHook()",
                                            "FoundationEssentials.FileManager.createFile(atPath:contents:attributes:)"])
        XCTAssertEqual(path[1].via, EdgeKind.exportedToC.rawValue)
    }

    func testAClosureInTheInitArrayRunsItsBodyFromProgramStart() throws {
        // `@_section(".init_array.00101") let hook = { lchown(…) }`: the closure is the variable's initial value.
        let path = try violation("cdecl-hook", "fs", "lchown").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "CdeclHook.capcheckSectionHook", "lchown"])
        XCTAssertEqual(path[1].via, EdgeKind.loadTime.rawValue)
    }

    func testTheOfficialAttributeSpellingsAreReadHoweverTheyAreWritten() throws {
        // `@section(".init_array") @used let hook = { lutimes(…) }` runs at load; `@/* */ `c`(capcheck_c_hook)` exports.
        XCTAssertEqual(try violation("cdecl-hook", "fs", "lutimes").path.map(\.symbol),
                       ["program start (load-time code of linked targets)", "CdeclHook.capcheckOfficialHook", "lutimes"])
        XCTAssertEqual(try violation("cdecl-hook", "fs", "truncate").path.map(\.symbol),
                       ["program start (load-time code of linked targets)", "cHook()", "truncate"])
    }

    /// The twenty-eighth sweep's: the `BuiltinModule` experimental feature, an ordinary setting, lets a file `import
    /// Builtin` and load, store and call at raw addresses through no API the index names: `unsafe` and `ffi` for every
    /// declaration of that file.
    func testImportBuiltinIsUnsafeAndFFIForTheFilesDeclarations() throws {
        for capability in ["unsafe", "ffi"] {
            let path = try violation("unsafe-unowned", capability, "import Builtin").path
            XCTAssertEqual(path.suffix(3).map(\.symbol), ["UnsafeUnowned.Borrower.ownerName()", "UnsafeUnowned.rawWordSize()", "import Builtin"])
            XCTAssertTrue(path.last?.file.hasSuffix("UnsafeUnowned/RawWord.swift") == true)
        }
    }

    func testUnownedUnsafeIsTiedToItsProperty() throws {
        let path = try violation("unsafe-unowned", "unsafe", "unowned(unsafe)").path
        XCTAssertEqual(path.map(\.symbol), ["top-level code (main.swift)", "UnsafeUnowned.Borrower.ownerName()",
                                            "UnsafeUnowned.Borrower.owner", "unowned(unsafe)"])
        XCTAssertEqual(path[3].line, 8)
    }

    func testInactiveBranchesAreListedWithFileLineAndCapability() throws {
        let entries = try report().unanalyzed.filter { $0.package == "inactive-payload" }
        XCTAssertEqual(entries.map { "\($0.line ?? 0) \($0.condition ?? "") \($0.capability ?? "") \($0.reference ?? "")" }, [
            "6 #if os(macOS) fs Foundation.FileManager.contents(atPath:)",
            "7 #if os(macOS) exec Foundation.Process.run(_:arguments:terminationHandler:)",
            #"15 #if CAPCHECK_NEVER_DEFINED ffi @_silgen_name("system")"#,
            #"15 #if CAPCHECK_NEVER_DEFINED exec system (bound by @_silgen_name("system"))"#,
            "16 #if CAPCHECK_NEVER_DEFINED unsafe Swift.UnsafePointer",
            // A condition capcheck cannot decide, with no occurrence in the index: not compiled (the thirtieth sweep's).
            "8 #if hasFeature(ExistentialAny) fs Foundation.FileManager.isExecutableFile(atPath:)",
        ])
        XCTAssertEqual(entries.compactMap { $0.file.map { ($0 as NSString).lastPathComponent } },
                       ["InactivePayload.swift", "InactivePayload.swift", "InactivePayload.swift", "InactivePayload.swift",
                        "InactivePayload.swift", "ReleaseFeature.swift"])
        // Lines 6–8 (macOS), 15–16 (the undefined flag) and 20 (#else of the DEBUG branch, which is compiled), and
        // ReleaseFeature.swift's line 8.
        XCTAssertEqual(try report().summary(of: "inactive-payload")?.inactiveLines, 7)
        XCTAssertEqual(try report().summary(of: "inactive-payload")?.reached, [])
        XCTAssertEqual(try report().summary(of: "silgen-socket")?.inactiveLines, 0)
    }

    func testStrictFailsOnInactiveCode() throws {
        try Fixtures.build("EscapeApp")
        let granted = """
            { "version": 1, "packages": {
              "silgen-socket": { "allow": ["net", "env", "fs", "ffi", "unsafe"] }, "cdecl-hook": { "allow": ["fs", "ffi", "unsafe"] },
              "unsafe-unowned": { "allow": ["unsafe", "ffi"] }, "gen-plugin": { "allow": ["build", "env", "fs"] },
              "alias-core": { "allow": ["ffi", "fs"] } } }
            """
        let policy = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-escape-\(UUID().uuidString).json")
        try granted.write(to: policy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: policy) }
        let arguments = ["check", "--package-path", Fixtures.packagePath("EscapeApp").path, "--scratch-path",
                         Fixtures.scratchPath("EscapeApp").path, "--skip-build", "--policy", policy.path, "--quiet"]
        let plain = try CLI.run(arguments)
        XCTAssertEqual(plain.status, 0, plain.stdout + plain.stderr)
        // Six entries of one target: one counted line, every entry with --verbose (files inside the dependency).
        XCTAssertTrue(plain.stdout.contains("warning: inactive-payload: InactivePayload: 6 references in `#if` branches this build does not compile (exec, ffi, fs, unsafe)\n"), plain.stdout)
        XCTAssertFalse(plain.stdout.contains("refers to Foundation.FileManager.contents(atPath:)"), plain.stdout)
        let verbose = try CLI.run(arguments + ["--verbose"])
        XCTAssertTrue(verbose.stdout.contains("warning: inactive-payload: inactive-payload/Sources/InactivePayload/InactivePayload.swift:6: `#if os(macOS)` branch, which this build does not compile, refers to Foundation.FileManager.contents(atPath:) (fs); not analysed\n"), verbose.stdout)
        XCTAssertEqual(verbose.stdout.components(separatedBy: "warning: inactive-payload: ").count - 1, 6, verbose.stdout)
        let strict = try CLI.run(arguments + ["--strict"])
        XCTAssertEqual(strict.status, 1, strict.stdout + strict.stderr)
        // The six, and GenPlugin's code (granted `build`, but what a plugin does is not read).
        XCTAssertTrue(strict.stderr.contains("7 unanalysed entries"), strict.stderr)
    }

    func testUnusedBuildGrantIsReported() throws {
        let report = try Fixtures.analyse("EscapeApp", policy: #"{ "version": 1, "packages": { "silgen-socket": { "allow": ["build"] } } }"#)
        XCTAssertEqual(report.unusedGrants.map { "\($0.package) \($0.capability)" }, ["silgen-socket build"])
    }
}
