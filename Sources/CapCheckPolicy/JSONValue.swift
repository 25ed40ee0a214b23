import CapCheckSupport
import CapCheckModel
import CapCheckCatalog

/// A parsed JSON value with the 1-based position of its first character.
public struct JSONValue: Sendable, Equatable {
    /// One object member, in file order, with the position of its key.
    public struct Member: Sendable, Equatable {
        public let key: String
        public let keyPosition: SourcePosition
        public let value: JSONValue
    }

    public enum Kind: Sendable, Equatable {
        case object([Member])
        case array([JSONValue])
        case string(String)
        /// The number's literal text exactly as written, e.g. `1` or `-2.5e3`.
        case number(String)
        case bool(Bool)
        case null
    }

    public let kind: Kind
    public let position: SourcePosition

    /// The payload when the value has that type, else nil.
    public var stringValue: String? { if case .string(let text) = kind { text } else { nil } }
    public var boolValue: Bool? { if case .bool(let flag) = kind { flag } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let elements) = kind { elements } else { nil } }
    public var objectValue: [Member]? { if case .object(let members) = kind { members } else { nil } }

    /// The value's type with an article, for messages: "an object", "a string", …
    public var typeDescription: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

