import Foundation

/// A value that reaches the sink through a protocol witness (resolved through the requirement's callers) and one
/// through a stored closure's parameter (not resolved, so never covered by a narrowed grant).
public protocol Opener {
    func open(_ path: String) -> Int
}

public struct FileOpener: Opener {
    public init() {}
    public func open(_ path: String) -> Int { FileManager.default.contents(atPath: path)?.count ?? 0 }
}

public enum Logs {
    public static func syslog(with opener: any Opener) -> Int { opener.open("/var/log/syslog") }

    public static let reader: (String) -> Int = { FileManager.default.contents(atPath: $0)?.count ?? 0 }
}
