@testable import CapCheckCore
import Foundation
import XCTest

/// The `readdir` walk behind the package-graph key (`update`) and the public-header units' inputs (`files`).
final class DirectoryListingTests: XCTestCase {
    func testListsFilesFollowsLinksOnceAndSkipsBuildFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        for folder in ["include/sub", ".build/x", "v1.2"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["include/a.h", "include/sub/b.h", "include/sub/c.c", ".build/x/d.h", "v1.2/README", "e.txt"] {
            try Data().write(to: root.appendingPathComponent(file))
        }
        // A link to an enclosing folder: walked once, not forever.
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("include/sub/loop").path, withDestinationPath: root.path)

        XCTAssertEqual(DirectoryListing.files(under: root.path, extensions: ["h", "c"]),
                       ["include/a.h", "include/sub/b.h", "include/sub/c.c"].map { root.path + "/" + $0 })
        // Every file, and (in a dependency's folder) its `.build` folder too: a header includes a file of any name, from
        // anywhere (the eleventh sweep's `cdep_impl.inl` and `.buildshared/shared_helper.h` kept a stale result).
        XCTAssertEqual(DirectoryListing.files(under: root.path, extensions: nil, skippingBuildFolders: false),
                       [".build/x/d.h", "e.txt", "include/a.h", "include/sub/b.h", "include/sub/c.c", "v1.2/README"].map { root.path + "/" + $0 })
        XCTAssertFalse(DirectoryListing.files(under: root.path, extensions: nil).contains(root.path + "/.build/x/d.h"))

        func digest() -> String {
            var hasher = SHA256()
            DirectoryListing.update(&hasher, with: root.path)
            return hasher.hexDigest()
        }
        let before = digest()
        XCTAssertEqual(digest(), before)
        try Data("edited".utf8).write(to: root.appendingPathComponent("include/a.h"))
        XCTAssertEqual(digest(), before, "an edit keeps the listing")
        try manager.moveItem(at: root.appendingPathComponent("include/a.h"), to: root.appendingPathComponent("include/a2.h"))
        XCTAssertNotEqual(digest(), before, "a rename changes it")
    }
}
