import CapCheckSupport
import CapCheckModel

/// One output format of a report. Each format lives in its own file; `OutputFormat` maps names to them.
public protocol ReportFormatter {
    /// Renders the report; `mode` says whether it came from `check` (violations matter) or `audit`.
    func format(_ report: AnalysisReport, mode: ReportMode) throws -> String
}

/// Which command produced a report.
public enum ReportMode: Sendable {
    case check, audit
}

/// The formats `--format` accepts.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, markdown, html, dot

    public var formatter: any ReportFormatter {
        switch self {
        case .text: return TextFormatter(colorize: false)
        case .json: return JSONFormatter()
        case .sarif: return SARIFFormatter()
        case .markdown: return MarkdownFormatter()
        case .html: return HTMLFormatter()
        case .dot: return DOTFormatter()
        }
    }
}

extension PathHop {
    /// `file:line:col: symbol (package)`, the line format of witness paths in text reports.
    package var textLine: String {
        let via = via.map { "  [\($0)]" } ?? ""
        return "\(file):\(line):\(column): \(symbol) (\(package))\(via)"
    }
}
