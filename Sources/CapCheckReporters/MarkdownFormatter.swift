import CapCheckSupport
import CapCheckModel

/// `--format markdown`: an audit report fit for a pull-request comment: a packages × capabilities table of
/// granted / reached / latent, then each violation with its witness path, unused grants and unanalysed code.
/// Paths inside the root package are shown relative to it.
public struct MarkdownFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        let table = CapabilityTable(report: report, mode: mode)
        var out = ["## capcheck \(mode == .check ? "check" : "audit"): `\(report.root)`", "", "**\(Self.summary(report, mode: mode))**", ""]
        if table.columns.isEmpty {
            out.append("No dependency is granted, reaches or could reach any capability.")
        } else {
            out.append("| package | " + table.columns.map { "`\($0)`" }.joined(separator: " | ") + " |")
            out.append("|---|" + String(repeating: "---|", count: table.columns.count))
            for row in table.rows {
                let name = "`\(row.package)`" + (row.version.map { " \($0)" } ?? "")
                out.append("| \(name) | " + row.cells.map(\.label).joined(separator: " | ") + " |")
            }
            out.append("")
            out.append(CapabilityTable.legend(mode: mode))
        }
        if mode == .check && !report.violations.isEmpty {
            out += ["", "### Violations"]
            for violation in report.violations {
                let meaning = Capability(violation.capability).meaning.map { " — \($0)" } ?? ""
                out += ["", "**`\(violation.package)`** reaches `\(violation.capability)` through `\(violation.sink)`, which its grant lacks\(meaning)", ""]
                out.append(codeBlock(violation.path.map(report.relativeLine)))
            }
        }
        if mode == .audit {
            out += ["", "### What each package reaches"]
            for package in report.packages where package.identity != report.root && !package.reached.isEmpty {
                out += ["", "<details><summary><code>\(package.identity)</code> reaches \(package.reached.joined(separator: ", "))</summary>", ""]
                for capability in package.reached {
                    let meaning = Capability(capability).meaning.map { " — \($0)" } ?? ""
                    out += ["`\(capability)`\(meaning)", ""]
                    out.append(codeBlock((package.reachedPaths[capability] ?? []).map(report.relativeLine)))
                    out.append("")
                }
                out.append("</details>")
            }
        }
        if !report.unusedGrants.isEmpty {
            out += ["", "### Unused grants", ""]
            out += report.unusedGrants.map { "- `\(report.relativePath($0.file)):\($0.line):\($0.column)`: \($0.message)" }
        }
        if !report.unanalyzed.isEmpty {
            out += ["", "### Not analysed", ""]
            out += report.unanalyzed.map { "- `\($0.package)`: \($0.reason)" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The one-line verdict shared by the markdown and HTML reports.
    package static func summary(_ report: AnalysisReport, mode: ReportMode) -> String {
        let dependencies = report.packages.count - 1
        var parts: [String] = []
        if mode == .check {
            let blamed = Set(report.violations.map(\.package)).count
            parts.append(report.violations.isEmpty ? "no violations"
                : "\(AnalysisReport.plural(report.violations.count, "violation")) in \(AnalysisReport.plural(blamed, "package"))")
        }
        parts.append(AnalysisReport.plural(dependencies, "dependency").replacingOccurrences(of: "dependencys", with: "dependencies"))
        if !report.unusedGrants.isEmpty { parts.append(AnalysisReport.plural(report.unusedGrants.count, "unused grant")) }
        if !report.unanalyzed.isEmpty { parts.append("\(report.unanalyzed.count) not analysed") }
        return parts.joined(separator: " · ")
    }

    private func codeBlock(_ lines: [String]) -> String {
        (["```text"] + lines + ["```"]).joined(separator: "\n")
    }
}
