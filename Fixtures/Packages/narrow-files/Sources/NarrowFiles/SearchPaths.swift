import Foundation

/// Paths in a file-scope table under `#if`: a global, whichever clause declares it (the index confirms the active one).
#if os(Linux)
private let searchPaths = ["/etc/ssl/certs/a.pem", "/etc/ssl/certs/b.pem"]
#else
private let searchPaths = ["/root/.ssh/id_rsa"]
#endif

/// A reader of a path, and another function of the same base name: a call of the other one names no path.
enum Disk {
    static func read(path: String) -> Data? { FileManager.default.contents(atPath: path) }
}

enum Counter {
    static func read() -> Int { 0 }
}

extension Certificates {
    /// The first readable search path: covered by `fs:/etc/ssl/**`.
    public static func firstFound() -> String? {
        searchPaths.first(where: { FileManager.default.fileExists(atPath: $0) })
    }

    /// `Counter.read()` is not a call of `Disk.read(path:)`: the index names another function there, so only
    /// `/etc/ssl/pinned.pem` reaches the sink (covered). The later calls are told apart by the file's index records
    /// (the call graph keeps the first reference of each callee only).
    public static func pinned() -> Data? {
        _ = Counter.read()
        _ = Counter.read() + Counter.read()
        return Disk.read(path: "/etc/ssl/pinned.pem")
    }
}
