import XCTest
import Foundation
import CapCheckSupport

/// `PathText` stands in for `URL` on the warm run's hot paths; it must give what `URL` gives, byte for byte (the
/// paths go into cache keys and reports).
final class PathTextTests: XCTestCase {
    func testStandardizedIsWhatURLGives() {
        let paths = ["/a/b/c.swift", "/a/./b.swift", "/a/../b.swift", "/a//b.swift", "/a/b/", "/a/b/.", "/a/b/..", "/",
                     "/a/.hidden/b.swift", "/a/..b/c.swift", "/a/b..", "/a/.../b", "/a b/ü.swift", "/a/b.swift/", "//a/b"]
        for path in paths {
            XCTAssertEqual(PathText.standardized(path), URL(fileURLWithPath: path).standardizedFileURL.path, path)
        }
    }

    func testStandardizedInAFolderIsWhatURLGives() {
        for (folder, relative) in [("/p/Sources/T", "A.swift"), ("/p/Sources/T/", "sub/B.swift"), ("/p/T", "../U/C.swift"),
                                   ("/p/T", "./D.swift"), ("/p/T", "x//E.swift")] {
            XCTAssertEqual(PathText.standardized(relative, in: folder),
                           URL(fileURLWithPath: folder).appendingPathComponent(relative).standardizedFileURL.path, folder + " " + relative)
        }
    }
}
