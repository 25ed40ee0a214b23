import Foundation

// capcheck rule: a subclass's initialiser runs its superclass's, written or not (SubclassReachesSuperInitializersRule).
open class BaseClient {
    public init() { _ = FileManager.default.isReadableFile(atPath: "/tmp/capcheck-fixture-none") }
}

/// Its init calls `super.init()` only implicitly.
public final class Client: BaseClient {
    public let count: Int
    public override init() { count = 1 }
}

open class BaseCache {
    public init() { _ = FileManager.default.isWritableFile(atPath: "/tmp/capcheck-fixture-none") }
}

/// Inherits `BaseCache.init()`: `Cache()` names no initialiser of its own.
public final class Cache: BaseCache {
    public var size: Int { 0 }
}
