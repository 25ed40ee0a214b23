import CapCheckSupport
import CapCheckModel
import Foundation

/// `--format json`: the public, stable schema of `AnalysisReport` (schemaVersion 1).
public struct JSONFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
