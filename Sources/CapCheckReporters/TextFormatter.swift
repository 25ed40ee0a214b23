import CapCheckSupport
import CapCheckModel

/// `--format text` (the default): for people. Violations grouped by package, each with its witness path,
/// one hop a line as `file:line:col: symbol (package)`; then each package's reached and latent capabilities;
/// then unused grants and unanalysed code (counted per target and kind unless `verbose`).
public struct TextFormatter: ReportFormatter {
    public let options: FormatOptions

    public init(options: FormatOptions = FormatOptions()) { self.options = options }

    /// ANSI colour, only when writing to a terminal.
    public init(colorize: Bool) { self.init(options: FormatOptions(colorize: colorize)) }

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        let paths = PathDisplay(report.folders, absolute: options.absolutePaths)
        func path(_ hops: [PathHop]) -> [String] { hops.map { "    " + Wording.hopLine($0, paths) } }
        // An audit names one example path per capability: where it starts in the root and how the package reaches the
        // sink; the hops between are folded unless --verbose (a violation's path is always whole: it is the evidence).
        func example(_ hops: [PathHop]) -> [String] {
            guard !options.verbose, hops.count > 4 else { return path(hops) }
            return path([hops[0]]) + ["    " + Wording.foldedHops(hops.count - 3)] + path(Array(hops.suffix(2)))
        }
        var out: [String] = []
        if mode == .check {
            let byPackage = Dictionary(grouping: report.violations, by: \.package)
            for package in byPackage.keys.sorted() {
                out.append(paint(package, code: "1"))
                for violation in byPackage[package]! {
                    out.append("  " + paint("error:", code: "31") + " " + Wording.headline(violation, .plain, paths))
                    out += path(violation.path)
                }
            }
        }
        if mode == .audit {
            for package in report.packages where package.identity != report.root {
                let version = package.version.map { " \($0)" } ?? ""
                out.append(paint(package.identity + version, code: "1"))
                if package.reached.isEmpty && package.latent.isEmpty { out.append("  reaches nothing") }
                for capability in package.reached {
                    out.append("  reached " + Wording.capability(capability))
                    out += example(package.reachedPaths[capability] ?? [])
                    for value in package.reachedValues?[capability] ?? [] {
                        out.append("    value: " + Wording.value(value, .plain, paths))
                    }
                }
                for capability in package.latent {
                    out.append(VisibleText.escaped("  latent \(capability) (present, not reached from \(report.root))"))
                    if options.verbose { out += path(package.latentPaths[capability] ?? []) }
                }
            }
        }
        for grant in report.unusedGrants {
            out.append(paint("warning:", code: "33") + " " + Wording.place(grant.file, line: grant.line, column: grant.column, paths)
                + ": " + Wording.unusedGrant(grant))
        }
        let unanalysed = UnanalysedLine.lines(report.unanalyzed, verbose: options.verbose)
        out += unanalysed.map { paint("warning:", code: "33") + " " + Wording.unanalysed($0, paths) }
        if unanalysed.contains(where: \.isFolded) { out.append("note: " + Wording.foldedNote()) }
        if mode == .check { out.append(Wording.checkSummary(report)) }
        return out.joined(separator: "\n") + "\n"
    }

    /// `text` (escaped: it may be a package's identity) in ANSI colour when writing to a terminal. Every other piece of
    /// a line comes from `Wording`, whose markup escapes what a package chose (`VisibleText`).
    private func paint(_ text: String, code: String) -> String {
        let text = VisibleText.escaped(text)
        return options.colorize ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
