// capcheck rule: RequirementReachesWitnessRule is limited to requirements declared in the analysed sources.
// `Settings.init(from:)` (reached: the root decodes Settings) calls the stdlib requirement
// `Decoder.container(keyedBy:)`; `FileDecoder` witnesses it with file access but is never constructed, so its
// witness is latent, not reached.
import Foundation

public struct Settings: Decodable {
    public let name: String

    private enum CodingKeys: String, CodingKey { case name }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
    }
}

struct FileDecoder: Decoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        _ = FileManager.default.contents(atPath: "/etc/capcheck-decoder")
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unused"))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unused"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unused"))
    }
}

// capcheck rule: the search takes a witness edge of RequirementReachesWitnessRule only once the witness's type
// is reached. `runSteps` calls the requirement `Step.perform()`; only `NoOp` is ever constructed, so `Wipe`'s
// file access is latent, not reached.
public protocol Step {
    func perform()
}

public struct NoOp: Step {
    public init() {}
    public func perform() {}
}

struct Wipe: Step {
    func perform() { try? FileManager.default.removeItem(atPath: "/tmp/capcheck-step") }
}

public func runSteps(_ steps: [any Step]) {
    for step in steps { step.perform() }
}
