import ScopeApp
import SnapshotKit
import XCTest

final class SnapshotTests: XCTestCase {
    func testRecord() {
        XCTAssertTrue(Snapshots.record("summary") || !snapshotSummary().isEmpty)
    }
}
