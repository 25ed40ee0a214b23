import CapCheckSupport
import CapCheckModel
import Foundation

/// `--format json`: the public, stable schema of `AnalysisReport` (schemaVersion 1).
public struct JSONFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String { try JSONText.encode(report) }
}

/// `explain --format json`: an array of `Explanation`.
public struct ExplanationJSONFormatter: OutputFormatter {
    public init() {}

    public func format(_ list: ExplanationList) throws -> String { try JSONText.encode(list.explanations) }
}

/// `diff --format json`: the public, stable schema of `ReportDiff`.
public struct DiffJSONFormatter: OutputFormatter {
    public init() {}

    public func format(_ diff: ReportDiff) throws -> String { try JSONText.encode(diff) }
}

/// The JSON capcheck writes: pretty-printed, keys sorted (stable output), slashes unescaped, a final newline.
package enum JSONText {
    package static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
