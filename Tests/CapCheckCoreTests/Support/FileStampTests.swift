@testable import CapCheckSupport
@testable import CapCheckSwiftSource
import Foundation
import Glibc
import XCTest

/// A file replaced by one of the same size whose modification time was put back (`touch -d`, `cp -p`, `rsync -t`, an
/// archive) is a changed file: the twenty-sixth sweep's kept a Swift source's and a C source's old content hash in
/// the memos keyed by size and modification time, and with it their old findings.
final class FileStampTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `replacement` over `file` in place (same inode), same size, then puts its modification time back to the
    /// nanosecond, as `touch -d` or an archive would.
    private func replaceKeepingSizeAndTime(_ file: URL, with replacement: String) throws {
        var info = stat()
        XCTAssertEqual(stat(file.path, &info), 0)
        Thread.sleep(forTimeInterval: 0.05)  // past the kernel's coarse clock tick
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(replacement.utf8))
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, file.path, &times, 0), 0)
    }

    func testAReplacementWithTheSameSizeAndModificationTimeChangesTheStamp() throws {
        let file = folder.appendingPathComponent("Entry.swift")
        try #"@_silgen_name("getpid") func quiet() -> Int32"#.write(to: file, atomically: true, encoding: .utf8)
        let before = try XCTUnwrap(FileStamp.of(file.path)), sizeAndTime = FileStamp.sizeAndTime(of: file.path)
        try replaceKeepingSizeAndTime(file, with: #"@_silgen_name("mkdir")  func quiet() -> Int32"#)
        XCTAssertEqual(FileStamp.sizeAndTime(of: file.path), sizeAndTime, "the replacement kept size and modification time")
        XCTAssertNotEqual(FileStamp.of(file.path), before)
    }

    func testTheContentHashMemoReadsAReplacedFileAgain() throws {
        let file = folder.appendingPathComponent("lib.c"), memo = folder.appendingPathComponent("memo")
        try "int f(void) { return 0; }       ".write(to: file, atomically: true, encoding: .utf8)
        let first = ContentHashes.of([file.path], memo: memo)[file.path]
        XCTAssertEqual(ContentHashes.of([file.path], memo: memo)[file.path], first)
        try replaceKeepingSizeAndTime(file, with: "int f(void) { return mkdir(0); }")
        let second = ContentHashes.of([file.path], memo: memo)[file.path]
        XCTAssertNotEqual(second, first)
        var hasher = SHA256()
        hasher.update(Data("int f(void) { return mkdir(0); }".utf8))
        XCTAssertEqual(second, hasher.hexDigest())
    }

    func testTheSwiftScanCacheKeyChangesWithAReplacedFile() throws {
        let file = folder.appendingPathComponent("Entry.swift")
        try #"@_silgen_name("getpid") func quiet() -> Int32"#.write(to: file, atomically: true, encoding: .utf8)
        let before = SourceScanCache.key(path: file.path, indexedLines: [1], settings: "s")
        try replaceKeepingSizeAndTime(file, with: #"@_silgen_name("mkdir")  func quiet() -> Int32"#)
        XCTAssertNotEqual(SourceScanCache.key(path: file.path, indexedLines: [1], settings: "s"), before)
    }

    /// With the file's content hash (the analysis key's), the Swift scan's key does not depend on the stamp: a fresh clone
    /// with a restored cache, whose every file has a new stamp, scans nothing again.
    func testTheSwiftScanCacheKeyByContentSurvivesANewStamp() throws {
        let file = folder.appendingPathComponent("Entry.swift")
        try "func quiet() {}".write(to: file, atomically: true, encoding: .utf8)
        let before = SourceScanCache.key(path: file.path, content: "abc", indexedLines: [1], settings: "s")
        try "func quiet() {}".write(to: file, atomically: true, encoding: .utf8)  // a new inode and status-change time
        XCTAssertEqual(SourceScanCache.key(path: file.path, content: "abc", indexedLines: [1], settings: "s"), before)
        XCTAssertNotEqual(SourceScanCache.key(path: file.path, content: "abd", indexedLines: [1], settings: "s"), before)
    }
}
