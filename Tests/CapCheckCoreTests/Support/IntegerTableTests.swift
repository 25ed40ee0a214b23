@testable import CapCheckSupport
import XCTest

final class IntegerTableTests: XCTestCase {
    /// Every key keeps the first value stored under it, through growth and for key 0.
    func testKeysKeepTheirFirstValueThroughGrowth() {
        var table = IntegerTable()
        var random = SplitMix64(seed: 7)
        var expected: [UInt64: Int32] = [:]
        for number in 0..<5_000 {
            let key = number % 7 == 0 ? UInt64(number / 7) : random.next() & 0xFFFF_FFFF_FFF0
            let value = table.value(of: key, else: Int32(number))
            XCTAssertEqual(value, expected[key] ?? Int32(number), "key \(key)")
            expected[key] = value
        }
        XCTAssertEqual(table.value(of: 0, else: -9), 0, "key 0, stored first with value 0")
    }
}
