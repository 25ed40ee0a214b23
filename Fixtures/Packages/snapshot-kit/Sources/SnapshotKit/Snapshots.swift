import Foundation

/// A test helper that writes and lists snapshot files: it needs `fs`, in tests.
public enum Snapshots {
    public static func record(_ name: String) -> Bool {
        FileManager.default.createFile(atPath: "/tmp/snapshots/" + name, contents: nil)
    }

    /// Which mode snapshots run in, read from the environment: what production code may ask (`init`'s REVIEW note).
    public static func mode() -> String? { ProcessInfo.processInfo.environment["SNAPSHOT_MODE"] }

    public static func count() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/tmp/snapshots").count) ?? 0
    }
}
