import Foundation

/// Reads certificates: a constant path, a path built from a `static let` declared in another file, and a constant
/// directory with a name from the caller appended (a prefix: the rest could climb out with `..`).
public enum Certificates {
    public static func load() -> Data? {
        FileManager.default.contents(atPath: "/etc/ssl/cert.pem")
    }

    public static func bundle() -> Data? {
        FileManager.default.contents(atPath: bundlePath)
    }

    public static func loadNamed(_ name: String) -> Data? {
        FileManager.default.contents(atPath: "/etc/ssl/" + name)
    }
}
