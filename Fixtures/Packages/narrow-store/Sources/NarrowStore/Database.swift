import Foundation

/// Keeps the path its caller gives it in a stored property and opens it later: the value reaches the sink through
/// `self.path`, set in the initialiser.
public final class Database {
    let path: String

    public init(path: String) {
        self.path = path
    }

    public func size() -> Int { FileManager.default.contents(atPath: path)?.count ?? 0 }
}
