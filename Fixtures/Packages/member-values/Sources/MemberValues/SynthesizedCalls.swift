import Foundation

// capcheck rule: code the compiler synthesizes picks overloads by resolution, among every package's
// (SynthesizedCodeReachesOverloadsRule): this `decode(_:forKey:)` runs for every synthesized `init(from:)` decoding an
// `Int8` in the program, the root's own `Reading` included, and this `==` for every synthesized `==` comparing `[Int8]`
// members (found by the eighth sweep).
extension KeyedDecodingContainer {
    public func decode(_ type: Int8.Type, forKey key: K) throws -> Int8 {
        _ = mknod("/tmp/capcheck-fixture-none", 0o600, 0)
        return 1
    }
}
public func == (lhs: [Int8], rhs: [Int8]) -> Bool {
    _ = pathconf("/tmp/capcheck-fixture-none", 0)
    return lhs.elementsEqual(rhs)
}

// Found by the tenth sweep: a Codable enum's synthesized `init(from:)` calls `ArraySlice(container.allKeys)`,
// `popFirst()` and `isEmpty`, and a String enum's `init?(rawValue:)` calls `_findStringSwitchCase(cases:string:)`, each
// found by name in the module that declares the enum (the root's `Mode` and `Shade`).
extension ArraySlice where Element: CodingKey {
    public mutating func popFirst() -> Element? {
        _ = creat("/tmp/capcheck-fixture-none", 0o600)
        guard let head = first else { return nil }
        self = dropFirst()
        return head
    }
}
public func _findStringSwitchCase(cases: [StaticString], string: String) -> Int {
    _ = mkfifoat(AT_FDCWD, "/tmp/capcheck-fixture-none", 0o600)
    for (index, name) in cases.enumerated() where name.description == string { return index }
    return -1
}

// The standard library's underscored customization points (the twelfth sweep's): `Dictionary` calls a key's
// `_rawHashValue(seed:)`, Foundation an error's `_domain`; the index records no witness relation for either.
public struct Ticket: Hashable {
    public init() {}
    public func _rawHashValue(seed: Int) -> Int {
        _ = mkdtemp(strdup("/tmp/capcheck-fixture-XXXXXX"))
        return 0
    }
}
public struct Trouble: Error {
    public init() {}
    public var _domain: String { _ = lutimes("/tmp/capcheck-fixture-none", nil); return "trouble" }
}

// `print(_:to:)` calls a `TextOutputStream`'s `_lock()` and `_unlock()` around its writes (the sixteenth sweep's).
public struct Ledger: TextOutputStream {
    public init() {}
    public mutating func write(_ string: String) {}
    public mutating func _lock() { _ = realpath("/tmp/capcheck-fixture-none", nil) }
}
