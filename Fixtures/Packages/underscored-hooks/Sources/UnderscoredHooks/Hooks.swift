import Foundation

/// `Set<Key>` hashes with `_rawHashValue(seed:)`, implemented here under another name.
public struct Key: Hashable {
    let value: Int
    public init(_ value: Int) { self.value = value }
    @_implements(Hashable, _rawHashValue(seed:))
    public func spread(seed: Int) -> Int {
        _ = FileManager.default.isDeletableFile(atPath: "/tmp")
        return value &+ seed
    }
}

/// `print("é".utf16.first!)` writes through `Loud`'s default `write(to:)`: `UInt16` adopts `Loud`, and no code names
/// either.
public protocol Loud: TextOutputStreamable {}
extension Loud {
    public func write<Target: TextOutputStream>(to target: inout Target) {
        target.write(ProcessInfo.processInfo.environment["LOUD"] ?? "loud")
    }
}
extension UInt16: Loud {}

/// `forge("a".utf16.first!)` makes a `Cinder` through `UInt16`'s inferred `Unit`: no code names `Cinder` or `UInt16`.
public protocol Maker {
    associatedtype Unit: ExpressibleByIntegerLiteral
    func unit() -> Unit
}
extension Maker {
    public func unit() -> Cinder { 0 }
}
extension UInt16: Maker {}
public struct Cinder: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        _ = FileManager.default.createFile(atPath: "/tmp/capcheck-ember", contents: nil)
    }
}
public func forge<F: Maker>(_ maker: F) {
    let _: F.Unit = 7
}
