import SnapshotKit

/// Production code that uses the test helper: its `fs` is not covered by a test-only grant.
public func snapshotSummary() -> String { "\(Snapshots.count()) snapshots" }
