import ShadowTests
import XCTest

final class ShadowedTests: XCTestCase {
    func testGreeting() { XCTAssertFalse(shadowGreeting().isEmpty) }
}
