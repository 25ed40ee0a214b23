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
