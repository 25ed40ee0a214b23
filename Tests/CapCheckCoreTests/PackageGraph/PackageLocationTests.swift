@testable import CapCheckCore
import XCTest

/// Where a package's code comes from, as `source` bindings check it: SwiftPM's `url`, unless the code is in a folder of
/// its own outside the checkouts (`swift package edit --path <fork>`: the fourteenth sweep's fork matched a grant bound
/// to the repository).
final class PackageLocationTests: XCTestCase {
    func testAnEditedDependencyComesFromItsFolder() {
        let scratch = URL(fileURLWithPath: "/w/app/.build")
        func location(_ url: String?, _ path: String) -> String? { PackageGraphLoader.location(url: url, path: path, scratch: scratch) }
        XCTAssertEqual(location("https://github.com/o/good.git", "/w/app/.build/checkouts/good"), "https://github.com/o/good.git")
        XCTAssertEqual(location("https://github.com/o/good.git", "/w/app/.build/registry/downloads/o/good/1.0.0"),
                       "https://github.com/o/good.git")
        // The eighteenth sweep's: a fork in a folder whose path spells `checkouts` is still the fork (it was taken for
        // SwiftPM's copy, and a grant bound to the repository held for the fork's code).
        XCTAssertEqual(location("https://github.com/o/good.git", "/w/forks/checkouts/good"), "/w/forks/checkouts/good")
        XCTAssertEqual(location("https://github.com/o/good.git", "/elsewhere/.build-x/checkouts/good"), "/elsewhere/.build-x/checkouts/good",
                       "another scratch folder's copy is not this build's")
        XCTAssertEqual(location("/w/libs/local", "/w/libs/local"), "/w/libs/local", "a local dependency is its folder")
        XCTAssertEqual(location("https://github.com/o/good.git", "/w/fork/good"), "/w/fork/good", "edited with --path")
        XCTAssertEqual(location("https://github.com/o/good.git", "/w/app/Packages/good"), "/w/app/Packages/good", "edited in place")
        XCTAssertNil(location(nil, "/w/x"))
    }
}
