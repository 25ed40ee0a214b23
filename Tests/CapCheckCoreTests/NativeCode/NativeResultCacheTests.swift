@testable import CapCheckCore
import Foundation
import XCTest

/// libclang results are cached per source under `<scratch>/capcheck/native/`, keyed by the source's index-unit
/// timestamp, flags and libclang version: a re-check parses only what was recompiled.
final class NativeResultCacheTests: XCTestCase {
    func testCachedResultsAreReusedAndKeyedByTheUnitStamp() throws {
        let cacheFolder = Fixtures.scratchPath("NativeApp").appendingPathComponent("capcheck/native")
        let baseline = try Fixtures.analyse("NativeApp").violationKeys
        XCTAssertTrue(baseline.contains("c-asm unsafe inline asm"))
        let cached = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasSuffix(".plist") }
        XCTAssertGreaterThanOrEqual(cached.count, 5, "one cached result per C source")

        // Replace every cached result with an empty one: a re-check that reads the cache loses the C-side findings.
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let empty = try encoder.encode(NativeSourceScanner.Result())
        for name in cached { try empty.write(to: cacheFolder.appendingPathComponent(name)) }
        XCTAssertFalse(try Fixtures.analyse("NativeApp").violationKeys.contains("c-asm unsafe inline asm"))

        // A different stamp (the source recompiled) is a different key.
        let cache = NativeResultCache(directory: cacheFolder, libclangVersion: "v")
        let command = ClangCompileCommand(source: "/a.c", arguments: ["-DX"])
        XCTAssertNotEqual(cache.key(for: command, stamp: 1), cache.key(for: command, stamp: 2))
        XCTAssertEqual(cache.key(for: command, stamp: 1), cache.key(for: command, stamp: 1))

        // Without the cache, the findings come back.
        try FileManager.default.removeItem(at: cacheFolder)
        XCTAssertEqual(try Fixtures.analyse("NativeApp").violationKeys, baseline)
    }
}
