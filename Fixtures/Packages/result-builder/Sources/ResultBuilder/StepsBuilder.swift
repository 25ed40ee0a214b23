// capcheck: result builders. In a `@StepsBuilder` closure, `if` runs `buildOptional`, `if`/`else` runs
// `buildEither(first:)` or `buildEither(second:)`, `for` runs `buildArray`, `if #available` runs
// `buildLimitedAvailability`, every block runs `buildPartialBlock`, and the closure's result goes through
// `buildFinalResult`; the closure names none of them. Each holds its own sink, so
// each one's violation shows it is reached.
import Foundation

@resultBuilder
public enum StepsBuilder {
    public static func buildExpression(_ step: String) -> [String] { [step] }

    public static func buildPartialBlock(first: [String]) -> [String] {
        _ = try? FileManager.default.attributesOfItem(atPath: "/etc/hostname")
        return first
    }

    public static func buildPartialBlock(accumulated: [String], next: [String]) -> [String] {
        _ = ProcessInfo.processInfo.environment["STEPS_PARTIAL"]
        return accumulated + next
    }

    public static func buildOptional(_ steps: [String]?) -> [String] {
        _ = FileManager.default.fileExists(atPath: "/etc/hostname")
        return steps ?? []
    }

    public static func buildEither(first steps: [String]) -> [String] {
        _ = FileManager.default.isReadableFile(atPath: "/etc/hostname")
        return steps
    }

    public static func buildEither(second steps: [String]) -> [String] {
        _ = FileManager.default.isWritableFile(atPath: "/etc/hostname")
        return steps
    }

    public static func buildArray(_ steps: [[String]]) -> [String] {
        _ = FileManager.default.isExecutableFile(atPath: "/etc/hostname")
        return steps.flatMap { $0 }
    }

    public static func buildLimitedAvailability(_ steps: [String]) -> [String] {
        _ = FileManager.default.isDeletableFile(atPath: "/etc/hostname")
        return steps
    }

    public static func buildFinalResult(_ steps: [String]) -> String {
        _ = FileManager.default.contents(atPath: "/etc/hostname")
        return steps.joined(separator: " ")
    }
}

/// The steps `make` lists, joined.
public func plan(@StepsBuilder _ make: () -> String) -> String { make() }
