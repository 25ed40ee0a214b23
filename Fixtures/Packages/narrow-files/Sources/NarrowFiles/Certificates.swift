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

/// A local `var` set by plain assignments is each value assigned to it, in any order: `preferred` opens one of two
/// paths under /etc/ssl (covered), `fallback` may open a path outside it (named in the violation).
extension Certificates {
    public static func preferred(strict: Bool) -> Data? {
        var path: String?
        if strict { path = "/etc/ssl/strict.pem" } else { path = "/etc/ssl/relaxed.pem" }
        guard let path else { return nil }
        return FileManager.default.contents(atPath: path)
    }

    public static func fallback() -> Data? {
        var path = "/etc/ssl/default.pem"
        if CommandLine.arguments.count > 5 { path = "/root/.ssh/id_rsa" }
        return FileManager.default.contents(atPath: path)
    }
}

/// A string literal that makes a value of the package's own type is not its text: `Resource`'s `path` is what its
/// code says, whatever the literal spells (only the index tells this `path` from URL's, and this literal from a `String`'s).
public struct Resource: ExpressibleByStringLiteral {
    let spelled: String
    public init(stringLiteral value: String) { spelled = value }
    var path: String { "/root/.ssh/id_rsa" }
}

extension Certificates {
    public static func resource() -> Data? {
        let file: Resource = "/etc/ssl/resource.pem"
        return FileManager.default.contents(atPath: file.path)
    }
}
