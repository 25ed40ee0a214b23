import Loose
import XCTest

final class ExtrasTests: XCTestCase {
    func testLoose() { XCTAssertEqual(loose(), 3) }
}
