import Foundation

/// Opens only what its caller names: the path goes down three calls to the sink.
public struct Store {
    public init() {}
    public func open(path: String) -> Int { read(path) }
    func read(_ file: String) -> Int { load(at: file)?.count ?? 0 }
    func load(at location: String) -> Data? { FileManager.default.contents(atPath: location) }
    /// The journal beside a database: the caller's path with `-journal` appended.
    public func journal(of database: String) -> Int { FileManager.default.contents(atPath: database + "-journal")?.count ?? 0 }
}
