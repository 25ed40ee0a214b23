import Glibc

// capcheck rule: naming an enum case makes a value of the enum (ConstructorReachesTypeRule), so the toolchain code that
// acts on the value reaches the enum's conformances though nothing names them: `print` reflects a member's
// `description`, synthesized `==` and `hash(into:)` call the member's, synthesized `encode(to:)` calls the member's.

public enum Shade: CustomStringConvertible {
    case dark
    public var description: String { _ = unlink("/tmp/capcheck-fixture-none"); return "dark" }
}
public struct Palette { var shade: Shade = .dark; public init() {} }

public enum Part: Equatable {
    case first
    public static func == (lhs: Part, rhs: Part) -> Bool { rmdir("/tmp/capcheck-fixture-none") == 0 }
}
public struct Parts: Equatable { var part: Part = .first; public init() {} }

public enum Slot: Hashable {
    case only
    public func hash(into hasher: inout Hasher) { hasher.combine(chmod("/tmp/capcheck-fixture-none", 0o600)) }
}
public struct Slots: Hashable { var slot: Slot = .only; public init() {} }

public enum Field: Encodable {
    case name
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(symlink("/tmp/capcheck-fixture-none", "/tmp/capcheck-fixture-none-2"))
    }
}
public struct Record: Encodable { var field: Field = .name; public init() {} }

// A payload case, printed by `debugPrint` through reflection.
public enum Amount: CustomDebugStringConvertible {
    case value(Int)
    public var debugDescription: String { _ = unsetenv("CAPCHECK_FIXTURE_AMOUNT"); return "amount" }
}
public struct Invoice { var amount: Amount = .value(1); public init() {} }
