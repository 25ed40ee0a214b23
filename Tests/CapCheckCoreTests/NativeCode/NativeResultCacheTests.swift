@testable import CapCheckCore
import Foundation
import XCTest

/// libclang results are cached per source under `<scratch>/capcheck/native/`, keyed by the content of the source
/// and its headers, its flags and the libclang: a re-check parses only what changed. Definitions are stored once
/// per file and content, shared by every source that saw them.
final class NativeResultCacheTests: XCTestCase {
    func testCachedResultsAreReusedAndKeyedByContent() throws {
        let cacheFolder = ScratchLayout(scratch: Fixtures.scratchPath("NativeApp")).native
        // Each analysis below must run the libclang pass (not read the last run's snapshot).
        func analyse() throws -> AnalysisReport {
            Fixtures.forgetSnapshot("NativeApp")
            return try Fixtures.analyse("NativeApp")
        }
        let baseline = try analyse().violationKeys
        XCTAssertTrue(baseline.contains("c-asm unsafe inline asm"))
        let cached = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasSuffix(".source") }
        XCTAssertGreaterThanOrEqual(cached.count, 5, "one cached entry per C source")

        // Replace every cached entry with an empty one: a re-check that reads the cache loses the C-side findings.
        defer { try? FileManager.default.removeItem(at: cacheFolder) }

        // The system-call table is cached too (so a warm run does not load libclang). A damaged one — zero-filled,
        // truncated, or a well-formed empty table — is not used: the raw syscall is still classified (issue 16).
        XCTAssertTrue(baseline.contains("c-raw-syscall fs syscall(SYS_openat)"))
        let tables = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasSuffix(".syscalls") }
        XCTAssertFalse(tables.isEmpty, "one table per libclang and platform")
        for damage in [Data(repeating: 0, count: 64), Data([0])] {
            for table in tables { try damage.write(to: cacheFolder.appendingPathComponent(table)) }
            XCTAssertTrue(try analyse().violationKeys.contains("c-raw-syscall fs syscall(SYS_openat)"))
        }
        for table in tables {
            let key = String(table.dropLast(".syscalls".count))
            NativeResultCache(directory: cacheFolder, libclang: "v").storeSyscalls(SyscallTable(entries: [:]), key: key)
        }
        XCTAssertTrue(try analyse().violationKeys.contains("c-raw-syscall fs syscall(SYS_openat)"), "an empty table is not a finding")
        let cache = NativeResultCache(directory: cacheFolder, libclang: "v")
        for name in cached { _ = cache.store(NativeSourceScanner.Result(), key: String(name.dropLast(".source".count))) }
        XCTAssertFalse(try analyse().violationKeys.contains("c-asm unsafe inline asm"))

        // A different fingerprint (the content of what the source was compiled from) is a different key.
        let command = ClangCompileCommand(source: "/a.c", arguments: ["-DX"])
        XCTAssertNotEqual(cache.key(for: command, inputs: "1"), cache.key(for: command, inputs: "2"))
        XCTAssertEqual(cache.key(for: command, inputs: "1"), cache.key(for: command, inputs: "1"))

        // Without the cache, the findings come back; libclang then runs before the records are read (so that its
        // translation units and the call graph are not in memory together), with it, beside the call graph.
        try FileManager.default.removeItem(at: cacheFolder)
        func stages() throws -> [String] {
            Fixtures.forgetSnapshot("NativeApp")
            let analyzer = Analyzer(options: {
                var options = Analyzer.Options(mode: .audit, packagePath: Fixtures.packagePath("NativeApp"), scratchPath: Fixtures.scratchPath("NativeApp"))
                options.skipBuild = true
                return options
            }())
            _ = try analyzer.run()
            return analyzer.timings.stages.map(\.name).filter { $0 == "native code" || $0 == "index records" }
        }
        XCTAssertEqual(try stages(), ["native code", "index records"], "parsed first")
        XCTAssertEqual(try stages(), ["index records", "native code"], "read from the cache beside the call graph")
        XCTAssertEqual(try analyse().violationKeys, baseline)

        // A cached entry whose group is gone is parsed again.
        try FileManager.default.removeItem(at: cacheFolder.appendingPathComponent("groups"))
        XCTAssertEqual(try analyse().violationKeys, baseline)
    }
}

/// The cache survives recompiling unchanged sources (a clean build, a fresh clone): keyed by content, a touched
/// C source is not parsed again; an edited one is. On a copy of NativeApp and its dependencies (`Fixtures.copy`),
/// which the test touches and edits.
final class NativeCacheAcrossBuildsTests: XCTestCase {
    func testTouchedSourcesAreNotParsedAgainEditedOnesAre() throws {
        let copy = try Fixtures.copy("NativeApp", for: self)
        let cacheFolder = ScratchLayout(scratch: copy.scratchPath).native
        let source = copy.path("Packages/c-asm/Sources/CAsm/casm.c")
        let original = try Data(contentsOf: source)
        func entries() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasSuffix(".source") })
        }
        // The baseline runs the libclang pass (a fresh copy has no snapshot), so the cache holds every source's entry;
        // after that, the analysis snapshot's key must tell a touched source (same content) from an edited one by itself.
        try copy.build()
        let baseline = try copy.analyse().violationKeys
        XCTAssertTrue(baseline.contains("c-asm unsafe inline asm"), "\(baseline)")
        let before = try entries()

        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: source.path)
        try copy.build()
        XCTAssertEqual(try copy.analyse().violationKeys, baseline)
        XCTAssertEqual(try entries(), before, "a recompiled but unchanged source is served from the cache")

        try (original + Data("\n/* edited by NativeCacheAcrossBuildsTests */\n".utf8)).write(to: source)
        try copy.build()
        XCTAssertEqual(try copy.analyse().violationKeys, baseline)
        XCTAssertEqual(try entries().subtracting(before).count, 1, "the edited source is parsed again")
    }
}

/// The cache's binary encoding round-trips every field and rejects truncated input.
final class CompactCodingTests: XCTestCase {
    func testNativeDefinitionsRoundTrip() throws {
        var definition = NativeDefinition(usr: "c:@F@f", name: "f", location: SourceLocation(file: "/p/a.h", line: 3, column: 9),
                                          language: .cxx, kind: .instanceMethod)
        definition.inlineAsm = [SourceLocation(file: "/p/a.h", line: 4, column: 1)]
        definition.syscalls = [SyscallSite(site: SourceLocation(file: "/p/a.h", line: 5, column: 2), number: 41),
                               SyscallSite(site: SourceLocation(file: "/p/a.h", line: 6, column: 2), number: nil)]
        definition.references = [NativeReference(usr: "c:@F@socket", name: "socket", site: SourceLocation(file: "/p/a.h", line: 7, column: 3),
                                                  isCall: true, isFunction: true),
                                 NativeReference(usr: "c:@environ", name: "environ", site: SourceLocation(file: "/p/b.h", line: -1, column: 0),
                                                 isCall: false, isFunction: false)]
        definition.loadTime = [.constructor, .ifuncResolver]
        definition.aliasOf = ["c:@F@g", "c:@F@f"]
        var writer = CompactWriter()
        writer.array([definition, definition]) { $1.write(to: &$0) }

        var reader = CompactReader(writer.data)
        let decoded = try reader.array(NativeDefinition.init(reading:))
        XCTAssertTrue(reader.isAtEnd)
        XCTAssertEqual(decoded.count, 2)
        for copy in decoded {
            XCTAssertEqual(copy.usr, definition.usr)
            XCTAssertEqual(copy.name, definition.name)
            XCTAssertEqual(copy.location, definition.location)
            XCTAssertEqual(copy.language, .cxx)
            XCTAssertEqual(copy.kind, .instanceMethod)
            XCTAssertEqual(copy.inlineAsm, definition.inlineAsm)
            XCTAssertEqual(copy.syscalls, definition.syscalls)
            XCTAssertEqual(copy.references, definition.references)
            XCTAssertEqual(copy.loadTime, definition.loadTime)
            XCTAssertEqual(copy.aliasOf, definition.aliasOf)
        }

        for length in [0, 1, writer.bytes.count / 2, writer.bytes.count - 1] {
            var truncated = CompactReader(Data(writer.bytes.prefix(length)))
            XCTAssertThrowsError(try truncated.array(NativeDefinition.init(reading:)), "truncated to \(length) bytes")
        }
    }
}

/// The native cache's key: SHA-256 of what each source was compiled from.
final class SourceFingerprintTests: XCTestCase {
    func testInternedAndUniqueStringsKeepOneNumbering() throws {
        // Repeats that hit the recent-strings list, repeats that need the table, and strings written in full.
        let strings = ["a", "b", "a", "c", "d", "e", "f", "a", "b", "c", "é/ü", "b"]
        var writer = CompactWriter()
        for (index, string) in strings.enumerated() {
            if index % 3 == 1 { writer.uniqueString(string) } else { writer.string(string) }
        }
        var reader = CompactReader(writer.data)
        XCTAssertEqual(try strings.map { _ in try reader.string() }, strings)
        XCTAssertTrue(reader.isAtEnd)
    }

    func testSHA256KnownAnswers() {
        func digest(_ text: String, chunk: Int = .max) -> String {
            var hasher = SHA256()
            let bytes = Array(text.utf8)
            var start = 0
            repeat {
                let end = min(bytes.count, start + chunk)
                hasher.update(Data(bytes[start..<end]))
                start = end
            } while start < bytes.count
            return hasher.hexDigest()
        }
        XCTAssertEqual(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        XCTAssertEqual(digest(twoBlocks), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        for chunk in [1, 3, 63, 64, 65] { XCTAssertEqual(digest(twoBlocks + twoBlocks, chunk: chunk), digest(twoBlocks + twoBlocks)) }
        XCTAssertEqual(digest(String(repeating: "a", count: 1_000_000), chunk: 4096),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testContentNotTimestampsDecides() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-fingerprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("a.c").path, header = folder.appendingPathComponent("a.h").path
        let system = folder.appendingPathComponent("sys.h").path
        try "#include \"a.h\"\nint f(void) { return A; }\n".write(toFile: source, atomically: true, encoding: .utf8)
        try "#define A 1\n".write(toFile: header, atomically: true, encoding: .utf8)
        try "/* libc */\n".write(toFile: system, atomically: true, encoding: .utf8)
        func fingerprint() -> String? {
            SourceFingerprints(inputs: [source: [(source, false), (header, false), (system, true)]]).fingerprint(of: source)
        }
        let original = try XCTUnwrap(fingerprint())
        XCTAssertNil(SourceFingerprints(inputs: [:]).fingerprint(of: source), "not compiled by this build")

        // Touching the source and its header (a clean build, a fresh clone) keeps the key.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: source)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: header)
        XCTAssertEqual(fingerprint(), original)
        // Any edit of a header it includes changes it.
        try "#define A 2\n".write(toFile: header, atomically: true, encoding: .utf8)
        let edited = try XCTUnwrap(fingerprint())
        XCTAssertNotEqual(edited, original)
        // A system header counts by size and modification time.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: system)
        XCTAssertNotEqual(fingerprint(), edited)
    }

    func testContentHashesAreRememberedWhileTheStampHolds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-fingerprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("a.c").path, memo = folder.appendingPathComponent("memo")
        try "int f(void) { return 1; }\n".write(toFile: source, atomically: true, encoding: .utf8)
        let stamp = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: source)
        func fingerprint() -> String? { SourceFingerprints(inputs: [source: [(source, false)]], memo: memo).fingerprint(of: source) }
        let original = try XCTUnwrap(fingerprint())
        XCTAssertTrue(FileManager.default.fileExists(atPath: memo.path))
        XCTAssertEqual(fingerprint(), original)

        // A touch: hashed again, the same fingerprint.
        try FileManager.default.setAttributes([.modificationDate: stamp.addingTimeInterval(1)], ofItemAtPath: source)
        XCTAssertEqual(fingerprint(), original)
        // The same size and modification time after an edit (`touch -d`, an archive): the status-change time and inode
        // moved, so the file is hashed again (the twenty-sixth sweep's kept the old hash, as make would).
        try "int f(void) { return 2; }\n".write(toFile: source, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: source)
        XCTAssertNotEqual(fingerprint(), original)
    }
}
