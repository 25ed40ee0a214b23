import Foundation

/// A test helper that writes and lists snapshot files: it needs `fs`, in tests.
public enum Snapshots {
    public static func record(_ name: String) -> Bool {
        FileManager.default.createFile(atPath: "/tmp/snapshots/" + name, contents: nil)
    }

    public static func count() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/tmp/snapshots").count) ?? 0
    }
}
