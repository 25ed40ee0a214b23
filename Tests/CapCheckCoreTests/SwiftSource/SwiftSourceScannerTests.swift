@testable import CapCheckCore
@testable import CapCheckSwiftSource
import Foundation
import XCTest

/// The Swift source rules on source text: each escape hatch and each unsafe spelling, the declaration each is tied
/// to, and which `#if` branches count as compiled.
final class SwiftSourceScannerTests: XCTestCase {
    private func scan(_ source: String, indexedLines: Set<Int> = [], importable: Set<String> = ["Glibc", "Foundation"])
        throws -> (findings: [SwiftSourceFinding], inactiveLines: Int) {
        let package = Package(identity: "p", name: "P", path: "/virtual/p", version: nil, targets: [])
        let scanner = SwiftSourceScanner(
            packageGraph: PackageGraph(root: package, packages: [package], dependencies: [:]), includeTests: false,
            names: try SinkCatalog.bundled().sourceSinkNames(), toolchainModules: importable, compilerVersion: [6, 3, 1],
            indexedLines: ["/virtual/p/F.swift": indexedLines], builtModules: [])
        let result = scanner.scan(source: source, file: "/virtual/p/F.swift", package: "p", importable: importable)
        return (result.findings, result.inactiveLines)
    }

    private func keys(_ findings: [SwiftSourceFinding]) -> [String] {
        findings.map { "\($0.line) \($0.capability.name) \($0.sink) @\($0.declaration?.name ?? "-")" + ($0.inactiveBranch.map { " [\($0)]" } ?? "") }
    }

    func testEscapeHatches() throws {
        let findings = try scan("""
            @_extern(c, "getenv") func lookUp(_ name: UnsafePointer<CChar>) -> UnsafeMutablePointer<CChar>?
            @_silgen_name("my_export") public func exported() {}
            @_section(".init_array") @_used let hook: @convention(c) () -> Void = { }
            @_dynamicReplacement(for: original()) func replacement() {}
            func load() { _ = dlopen("libcurl.so.4", 0); _ = dlsym(nil, "execve") }
            """).findings
        XCTAssertEqual(keys(findings), [
            #"1 ffi @_extern(c, "getenv") @lookUp"#,
            #"1 env getenv (bound by @_extern(c, "getenv")) @lookUp"#,
            #"2 ffi @_silgen_name("my_export") @exported"#,
            #"3 unsafe @_section(".init_array") @hook"#,
            "3 unsafe @_used @hook",
            "4 unsafe @_dynamicReplacement(for: original()) @replacement",
            #"5 ffi dlopen("libcurl.so.4") @load"#,
            #"5 ffi dlsym("execve") @load"#,
            "5 exec execve (looked up by dlsym) @load",
        ])
        XCTAssertEqual(findings.map(\.reach), [
            .withDeclaration, .withDeclaration, .fromProgramStart(why: "exported under a C symbol"),
            .fromProgramStart(why: "placed in the .init_array section"), .withDeclaration,
            .fromProgramStart(why: "replaces a dynamic declaration wherever it is called"),
            .withDeclaration, .withDeclaration, .withDeclaration,
        ])
        // The declaration is located at its name, where the index defines it.
        XCTAssertEqual(findings[0].declaration, DeclarationSite(line: 1, column: 28, name: "lookUp"))
    }

    /// A C variable looked up by name is as good as read (found by an evasion sweep: `dlsym(…, "environ")` was `ffi` only).
    func testDlsymOfACatalogVariableNeedsItsCapability() throws {
        let findings = try scan(#"func peek() { _ = dlsym(nil, "environ") }"#).findings
        XCTAssertEqual(keys(findings), [#"1 ffi dlsym("environ") @peek"#, "1 env environ (looked up by dlsym) @peek"])
    }

    /// The nineteenth sweep's: a derivative (or transpose) runs wherever its original is differentiated, in any module,
    /// and the index relates it to nothing: reached from program start, with no capability of its own.
    func testADerivativeIsReachedFromProgramStart() throws {
        let findings = try scan("""
            extension Double {
                @derivative(of: magnitude) public func _vjpMagnitude() -> (value: Double, pullback: (Double) -> Double) { (1, { $0 }) }
            }
            """).findings
        XCTAssertEqual(findings.map(\.reach), [.onlyFromProgramStart(why: "registered as a derivative or transpose")])
        XCTAssertEqual(findings.first?.declaration?.name, "_vjpMagnitude")
    }

    /// A back-quoted name is the same name (the seventeenth sweep's class of evasion: names compared by their text).
    func testBackQuotedNamesAreTheSameNames() throws {
        let findings = try scan(#"func `peek`() { _ = `dlsym`(nil, "environ") }"#).findings
        XCTAssertEqual(keys(findings), [#"1 ffi dlsym("environ") @peek"#, "1 env environ (looked up by dlsym) @peek"])
    }

    func testSyntaxLevelUnsafety() throws {
        let findings = try scan("""
            nonisolated(unsafe) var shared = 0
            final class Box: @unchecked Sendable {
                unowned(unsafe) let owner: AnyObject
                init(owner: AnyObject) { self.owner = owner }
                func run(_ p: UnsafePointer<Int>) -> Int { unsafe p.pointee }
                func each(_ s: [Int]) { for unsafe x in s { _ = x }; _ = { [unowned(unsafe) self] in self } }
            }
            """).findings
        XCTAssertEqual(keys(findings), [
            "1 unsafe nonisolated(unsafe) @shared",
            "2 unsafe @unchecked Sendable @Box",
            "3 unsafe unowned(unsafe) @owner",
            "5 unsafe unsafe expression @run",
            "6 unsafe unsafe expression @each",
            "6 unsafe unowned(unsafe) @each",
        ])
    }

    /// `unsafe` expressions in other positions, and `unsafe` as an ordinary name, which is none: the same findings
    /// whichever swift-syntax capcheck is built with (before 602, `UnsafeKeyword` finds them among the tokens).
    func testUnsafeExpressionsAndTheWordUnsafe() throws {
        let findings = try scan("""
            func a(_ p: UnsafePointer<Int>) throws -> Int { try unsafe f(p) }
            func b(_ p: UnsafePointer<Int>) { g(unsafe p, label: unsafe p.pointee) }
            func c() { _ = unsafe [1, 2] }
            func d() { let unsafe = 1; print(unsafe); _ = unsafe + 1; _ = unsafe.magnitude; _ = unsafe
                _ = 2 }
            func e(unsafe: Bool) { if unsafe { return }; h(unsafe); for unsafe in [unsafe] { _ = unsafe } }
            """).findings
        XCTAssertEqual(keys(findings), [
            "1 unsafe unsafe expression @a",
            "2 unsafe unsafe expression @b",
            "2 unsafe unsafe expression @b",
            "3 unsafe unsafe expression @c",
        ])
    }

    func testInactiveBranchesByCondition() throws {
        let result = try scan("""
            #if os(Linux) && canImport(Glibc)
            let a = 1
            #elseif os(Windows)
            let b = FileManager.default
            #endif
            #if !DEBUG || targetEnvironment(simulator)
            let c = getenv("HOME")
            #endif
            #if compiler(>=5.9) && arch(x86_64) || arch(arm64)
            let d = 1
            #else
            let e = String(contentsOfFile: "/etc/passwd")
            #endif
            """)
        XCTAssertEqual(keys(result.findings), [
            "4 fs Foundation.FileManager @b [#elseif os(Windows)]",
            "7 env getenv @c [#if !DEBUG || targetEnvironment(simulator)]",
            "12 fs Foundation.String.init(contentsOfFile:) @e [#else of #if compiler(>=5.9) && arch(x86_64) || arch(arm64)]",
        ])
        XCTAssertEqual(result.inactiveLines, 3)
    }

    func testTheIndexSettlesWhatTheConditionsCannot() throws {
        let source = """
            #if hasFeature(Embedded)
            let a = getenv("A")
            #else
            let b = getenv("B")
            #endif
            #if CUSTOM_FLAG
            let c = getenv("C")
            #endif
            """
        // No index: the undecidable first branch counts as compiled, its #else not; an undefined flag is false.
        XCTAssertEqual(keys(try scan(source).findings), ["4 env getenv @b [#else of #if hasFeature(Embedded)]", "7 env getenv @c [#if CUSTOM_FLAG]"])
        // The index has occurrences on lines 4 and 7: those branches were compiled (the target defines CUSTOM_FLAG).
        XCTAssertEqual(keys(try scan(source, indexedLines: [4, 7]).findings), ["2 env getenv @a [#if hasFeature(Embedded)]"])
    }

    func testActiveCodeIsLeftToTheIndex() throws {
        // Sink references in compiled code are the index's business: no findings.
        XCTAssertEqual(try scan("let m = FileManager.default; let e = getenv(\"HOME\")").findings, [])
    }

    /// `compiler(>=…)` conditions need the compiler's version: read from the toolchain's standard library
    /// interface, it is the version `swift --version` prints.
    func testCompilerVersionMatchesSwiftVersion() throws {
        let toolchain = try Toolchain.locate()
        let output = try ProcessRunner.run(toolchain.swiftExecutable, ["--version"])
        let expected = try XCTUnwrap(SwiftSourceScanner.versionNumbers(in: output.stdout + output.stderr))
        XCTAssertGreaterThanOrEqual(expected.count, 2)
        XCTAssertEqual(SwiftSourceScanner.compilerVersion(of: toolchain), expected)
    }

    /// The prefilter parses a file that names an attribute the scan reads, however it is spelt after the `@`.
    func testThePrefilterSeesAttributesSpeltApart() {
        func holds(_ text: String) -> Bool { SwiftSourceScanner.mayHoldFindings(Data(text.utf8)) }
        for text in ["@_cdecl(\"f\") func f() {}", "@c func f() {}", "@ _cdecl(\"f\")", "@\n_section(\".init_array\")",
                     "@/* a /* nested */ comment */used let x = 1", "@// line\nc(f) func f() {}", "@`c` func f() {}",
                     "@section(\"s\") let x = 1", "@_expose(Cxx) public func f() {}", "x.withUnsafeBytes { unsafe $0 }"] {
            XCTAssertTrue(holds(text), text)
        }
        for text in ["@MainActor func f() {}", "@discardableResult func used() {}", "let c = 1 // @ccc", "@usedTwice func f() {}"] {
            XCTAssertFalse(holds(text), text)
        }
    }

    /// A Swift file a build-tool plugin generated is compiled into its target though no target folder holds it: the
    /// index's units name it, and it is scanned like the target's own (found by an evasion sweep: an `@_cdecl` export
    /// in a generated file was never read).
    func testAGeneratedSourceTheUnitsNameIsScanned() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-generated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = folder.appendingPathComponent("Sources/Gen"), outputs = folder.appendingPathComponent(".build/plugins/outputs/gen/Gen")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        try "public func plain() {}\n".write(to: sources.appendingPathComponent("Plain.swift"), atomically: true, encoding: .utf8)
        let generated = outputs.appendingPathComponent("Generated.swift")
        try "@_cdecl(\"__gmon_start__\") public func hook() {}\n".write(to: generated, atomically: true, encoding: .utf8)
        let target = Target(name: "Gen", moduleName: "Gen", kind: .swift, path: sources.path, isTest: false, sources: ["Plain.swift"])
        let package = Package(identity: "gen", name: "Gen", path: folder.path, version: nil, targets: [target])
        var scanner = SwiftSourceScanner(
            packageGraph: PackageGraph(root: package, packages: [package], dependencies: [:]), includeTests: false,
            names: try SinkCatalog.bundled().sourceSinkNames(), toolchainModules: ["Glibc"], compilerVersion: [6, 3, 1],
            indexedLines: [:], builtModules: ["Gen"])
        scanner.unitSources = [("Gen", generated.path), ("Other", "/elsewhere/Other.swift")]
        XCTAssertEqual(scanner.inputs().files.map(\.file), [sources.appendingPathComponent("Plain.swift").path, generated.standardizedFileURL.path])
        XCTAssertEqual(scanner.scan().findings.map(\.sink), [#"@_cdecl("__gmon_start__")"#])
    }
}
