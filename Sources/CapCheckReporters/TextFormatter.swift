import CapCheckSupport
import CapCheckModel

/// `--format text` (the default): for people. Violations grouped by package, each with its witness path,
/// one hop a line as `file:line:col: symbol (package)`; then each package's reached and latent capabilities.
public struct TextFormatter: ReportFormatter {
    /// ANSI colour, only when writing to a terminal.
    public let colorize: Bool

    public init(colorize: Bool) { self.colorize = colorize }

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        var out: [String] = []
        if mode == .check {
            let byPackage = Dictionary(grouping: report.violations, by: \.package)
            for package in byPackage.keys.sorted() {
                out.append(paint("\(package)", code: "1"))
                for violation in byPackage[package]! {
                    let meaning = Capability(violation.capability).meaning.map { " — \($0)" } ?? ""
                    out.append("  " + paint("error:", code: "31") + " reaches \(violation.capability) through \(violation.sink), which its grant lacks\(meaning)")
                    out.append(contentsOf: violation.path.map { "    " + $0.textLine })
                }
            }
        }
        if mode == .audit {
            for package in report.packages where package.identity != report.root {
                let version = package.version.map { " \($0)" } ?? ""
                out.append(paint(package.identity + version, code: "1"))
                if package.reached.isEmpty && package.latent.isEmpty { out.append("  reaches nothing") }
                for capability in package.reached {
                    let meaning = Capability(capability).meaning.map { " — \($0)" } ?? ""
                    out.append("  reached \(capability)\(meaning)")
                    out.append(contentsOf: (package.reachedPaths[capability] ?? []).map { "    " + $0.textLine })
                }
                for capability in package.latent {
                    out.append("  latent \(capability) (present, not reached from \(report.root))")
                    out.append(contentsOf: (package.latentPaths[capability] ?? []).map { "    " + $0.textLine })
                }
            }
        }
        for grant in report.unusedGrants {
            out.append(paint("warning:", code: "33") + " \(grant.file):\(grant.line):\(grant.column): \(grant.message)")
        }
        for entry in report.unanalyzed {
            out.append(paint("warning:", code: "33") + " \(entry.package): \(entry.reason)")
        }
        if mode == .check {
            let packages = Set(report.violations.map(\.package)).count
            out.append(report.violations.isEmpty
                ? "capcheck: no violations in \(report.packages.count) packages"
                : "capcheck: \(report.violations.count) violation\(report.violations.count == 1 ? "" : "s") in \(packages) package\(packages == 1 ? "" : "s")")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func paint(_ text: String, code: String) -> String {
        colorize ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
