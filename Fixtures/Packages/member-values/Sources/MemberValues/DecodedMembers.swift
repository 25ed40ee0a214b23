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

// capcheck rule: an initializer named `init(from:)` that is not `Decodable`'s (it takes a `String`) leaves the
// synthesized one in place, which decodes `Gauge` (found by a later sweep: the name alone turned the rule off).
public struct Gauge: Decodable {
    public init(from decoder: Decoder) throws {
        _ = link("/tmp/capcheck-fixture-none", "/tmp/capcheck-fixture-none-2")
        _ = try decoder.singleValueContainer()
    }
}
public struct Dial: Decodable {
    var gauge: Gauge
    init(from text: String) throws { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: text)) }
}
