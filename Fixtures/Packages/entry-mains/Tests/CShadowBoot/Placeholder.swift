import XCTest

/// Named like `shadow-tests`' C target: a dependency's test target, which SwiftPM never builds.
final class Placeholder: XCTestCase {
    func testNothing() {}
}
