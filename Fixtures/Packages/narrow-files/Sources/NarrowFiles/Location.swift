import Foundation

/// A type `Decodable` through its package's own protocol: its synthesized `init(from:)` sets `path` from whatever it
/// decodes, so the initial value is not all `path` can be (unknown, never `/etc/ssl/location.pem` alone).
public protocol Stored: Decodable {}

public struct Location: Stored {
    var path = "/etc/ssl/location.pem"
    public init() {}
    public func read() -> Data? { FileManager.default.contents(atPath: path) }
}
