import CapCheckSupport
import CapCheckModel

/// The formats `--format` accepts, and each one's formatter of each kind of result.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, markdown, html, dot

    /// The report formatter: every format has one.
    public func reportFormatter(_ options: FormatOptions = FormatOptions()) -> any ReportFormatter {
        switch self {
        case .text: return TextFormatter(options: options)
        case .json: return JSONFormatter()
        case .sarif: return SARIFFormatter()
        case .markdown: return MarkdownFormatter(options: options)
        case .html: return HTMLFormatter(options: options)
        case .dot: return DOTFormatter()
        }
    }

    /// The formatter of `explain`'s explanations, for text and json.
    public func explanationFormatter(_ options: FormatOptions = FormatOptions()) -> (any OutputFormatter<ExplanationList>)? {
        switch self {
        case .text: return ExplanationTextFormatter(options: options)
        case .json: return ExplanationJSONFormatter()
        case .sarif, .markdown, .html, .dot: return nil
        }
    }

    /// The formatter of `diff`'s comparison, for text and json.
    public func diffFormatter(_ options: FormatOptions = FormatOptions()) -> (any OutputFormatter<ReportDiff>)? {
        switch self {
        case .text: return DiffTextFormatter(options: options)
        case .json: return DiffJSONFormatter()
        case .sarif, .markdown, .html, .dot: return nil
        }
    }
}
