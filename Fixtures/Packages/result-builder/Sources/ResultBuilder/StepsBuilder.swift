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

// A builder with `buildBlock` and `buildExpression` only: each statement of a `@LinesBuilder` closure runs
// `buildExpression`, the closure's block runs `buildBlock`.
@resultBuilder
public enum LinesBuilder {
    public static func buildExpression(_ line: String) -> String {
        _ = try? FileManager.default.contentsOfDirectory(atPath: "/etc")
        return line
    }

    public static func buildBlock(_ lines: String...) -> String {
        _ = FileManager.default.subpaths(atPath: "/etc")
        return lines.joined(separator: "\n")
    }
}

/// The lines `make` lists.
public func lines(@LinesBuilder _ make: () -> String) -> String { make() }

/// A string whose interpolations run `appendInterpolation(link:)`, which no call expression names.
public struct LinkReport: ExpressibleByStringInterpolation {
    public var text: String

    public init(stringLiteral value: String) { text = value }
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { text += literal }
        public mutating func appendInterpolation(link path: String) {
            text += (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? path
        }
    }
}
