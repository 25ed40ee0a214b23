import Glibc

// capcheck rule: a synthesized `init(from:)` makes its stored properties' values by decoding them, through each member
// type's own `init(from:)`, and no code names those (DecodableTypeReachesMemberTypesRule).
public struct Level: Codable {
    var number: Int
    public init(from decoder: Decoder) throws {
        number = Int(truncate("/tmp/capcheck-fixture-none", 0))
        _ = try decoder.singleValueContainer()
    }
    public func encode(to encoder: Encoder) throws {}
}
public struct Configuration: Decodable { public var level: Level }

// capcheck rule: a protocol refining `Decodable` makes its conformers `Decodable` too, and their `init(from:)` is
// synthesized all the same (found by a later read: only a direct `Decodable` was seen).
public protocol Model: Decodable {}
public struct Depth: Codable {
    var number: Int
    public init(from decoder: Decoder) throws {
        number = Int(utimes("/tmp/capcheck-fixture-none", nil))
        _ = try decoder.singleValueContainer()
    }
    public func encode(to encoder: Encoder) throws {}
}
public struct Preset: Model { public var depth: Depth }
