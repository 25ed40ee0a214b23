import CapCheckSupport
import CapCheckModel

/// One output format of one kind of result: a report (`ReportFormatter`), `explain`'s explanations, a diff.
/// Each format lives in its own file; `OutputFormat` maps `--format` names to them.
public protocol OutputFormatter<Subject> {
    associatedtype Subject
    func format(_ subject: Subject) throws -> String
}

/// One output format of a report.
public protocol ReportFormatter: OutputFormatter where Subject == CommandReport {
    /// Renders the report; `mode` says whether it came from `check` (violations matter) or `audit`.
    func format(_ report: AnalysisReport, mode: ReportMode) throws -> String
}

extension ReportFormatter {
    public func format(_ subject: CommandReport) throws -> String { try format(subject.report, mode: subject.mode) }
}

/// Which command produced a report.
public enum ReportMode: Sendable {
    case check, audit
}

/// A report with the command that produced it: what report formats render.
public struct CommandReport: Sendable {
    public var report: AnalysisReport
    public var mode: ReportMode

    public init(_ report: AnalysisReport, mode: ReportMode) {
        self.report = report
        self.mode = mode
    }
}

/// How the human formats (text, Markdown, HTML) present a result; machine formats ignore it.
public struct FormatOptions: Sendable {
    /// List every unanalysed entry, instead of one counted line per target and kind (`--verbose`).
    public var verbose = false
    /// Show files as absolute paths, not relative to the root package or a dependency (`--absolute-paths`).
    public var absolutePaths = false
    /// ANSI colour (text written to a terminal).
    public var colorize = false

    public init(verbose: Bool = false, absolutePaths: Bool = false, colorize: Bool = false) {
        self.verbose = verbose
        self.absolutePaths = absolutePaths
        self.colorize = colorize
    }
}
