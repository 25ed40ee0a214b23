import Foundation
import NarrowProto

/// Opens only what its caller names: the path goes down three calls to the sink.
public struct Store {
    /// The package's own path, which the root passes back in (`open(path: Store.defaultPath)`): the package decides
    /// the value, so `@caller` does not cover it (the thirteenth sweep's).
    public static let defaultPath = "/srv/app/default.db"
    public init() {}
    public func open(path: String) -> Int { read(path) }
    func read(_ file: String) -> Int { load(at: file)?.count ?? 0 }
    func load(at location: String) -> Data? { FileManager.default.contents(atPath: location) }
    /// The journal beside a database: the caller's path with `-journal` appended.
    public func journal(of database: String) -> Int { FileManager.default.contents(atPath: database + "-journal")?.count ?? 0 }
}

/// A `Reader` for any package the root hands a store to.
extension Store: Reader {
    public func read(path: String) -> Int { open(path: path) }
}
