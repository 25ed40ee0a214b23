@testable import CapCheckCore
import Foundation
import XCTest

/// libclang results are cached per source under `<scratch>/capcheck/native/`, keyed by the source's index-unit
/// timestamp, flags and libclang version: a re-check parses only what was recompiled. Definitions are stored
/// once per file and content, shared by every source that saw them.
final class NativeResultCacheTests: XCTestCase {
    func testCachedResultsAreReusedAndKeyedByTheUnitStamp() throws {
        let cacheFolder = Fixtures.scratchPath("NativeApp").appendingPathComponent("capcheck/native")
        let baseline = try Fixtures.analyse("NativeApp").violationKeys
        XCTAssertTrue(baseline.contains("c-asm unsafe inline asm"))
        let cached = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasSuffix(".source") }
        XCTAssertGreaterThanOrEqual(cached.count, 5, "one cached entry per C source")

        // Replace every cached entry with an empty one: a re-check that reads the cache loses the C-side findings.
        defer { try? FileManager.default.removeItem(at: cacheFolder) }

        // The system-call table is cached too (so a warm run does not load libclang): an empty cached table loses
        // the classified raw syscall.
        XCTAssertTrue(baseline.contains("c-raw-syscall fs syscall(SYS_openat)"))
        let tables = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasSuffix(".syscalls") }
        XCTAssertFalse(tables.isEmpty, "one table per libclang and platform")
        for table in tables { try Data([0]).write(to: cacheFolder.appendingPathComponent(table)) }  // an empty list
        XCTAssertFalse(try Fixtures.analyse("NativeApp").violationKeys.contains("c-raw-syscall fs syscall(SYS_openat)"))
        let cache = NativeResultCache(directory: cacheFolder, libclang: "v")
        for name in cached { _ = cache.store(NativeSourceScanner.Result(), key: String(name.dropLast(".source".count))) }
        XCTAssertFalse(try Fixtures.analyse("NativeApp").violationKeys.contains("c-asm unsafe inline asm"))

        // A different stamp (the source recompiled) is a different key.
        let command = ClangCompileCommand(source: "/a.c", arguments: ["-DX"])
        XCTAssertNotEqual(cache.key(for: command, stamp: 1), cache.key(for: command, stamp: 2))
        XCTAssertEqual(cache.key(for: command, stamp: 1), cache.key(for: command, stamp: 1))

        // Without the cache, the findings come back.
        try FileManager.default.removeItem(at: cacheFolder)
        XCTAssertEqual(try Fixtures.analyse("NativeApp").violationKeys, baseline)

        // A cached entry whose group is gone is parsed again.
        try FileManager.default.removeItem(at: cacheFolder.appendingPathComponent("groups"))
        XCTAssertEqual(try Fixtures.analyse("NativeApp").violationKeys, baseline)
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
