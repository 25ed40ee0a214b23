import CapCheckSupport
import CapCheckModel

/// `--format markdown`: an audit report fit for a pull-request comment: a packages × capabilities table of
/// granted / reached / latent, then each violation with its witness path, unused grants and unanalysed code, and a
/// footer naming capcheck's version and the catalog's toolchain. Files are shown as `PathDisplay` shows them.
public struct MarkdownFormatter: ReportFormatter {
    public let options: FormatOptions

    public init(options: FormatOptions = FormatOptions()) { self.options = options }

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        let paths = PathDisplay(report.folders, absolute: options.absolutePaths)
        // A fence longer than any run of backticks a package put in a file name, so no hop can close the block.
        func codeBlock(_ hops: [PathHop]) -> String {
            let lines = hops.map { Wording.hopLine($0, paths) }
            let fence = Markup.codeFence(for: lines)
            return ([fence + "text"] + lines + [fence]).joined(separator: "\n")
        }
        let markup = Markup.markdown
        let table = CapabilityTable(report: report, mode: mode)
        var out = ["## capcheck \(mode == .check ? "check" : "audit"): \(markup.code(report.root))", "", "**\(Wording.summary(report, mode: mode))**", ""]
        if table.columns.isEmpty {
            out.append("No dependency is granted, reaches or could reach any capability.")
        } else {
            out.append("| package | " + table.columns.map(markup.code).joined(separator: " | ") + " |")
            out.append("|---|" + String(repeating: "---|", count: table.columns.count))
            for row in table.rows {
                let name = markup.code(row.package) + (row.version.map { " " + markup.text($0) } ?? "")
                out.append("| \(name) | " + row.cells.map(\.label).joined(separator: " | ") + " |")
            }
            out.append("")
            out.append(CapabilityTable.legend(mode: mode))
        }
        if mode == .check && !report.violations.isEmpty {
            out += ["", "### Violations"]
            for violation in report.violations {
                out += ["", Wording.violation(violation, .markdown, paths), ""]
                out.append(codeBlock(violation.path))
            }
        }
        if mode == .audit {
            out += ["", "### What each package reaches"]
            for package in report.packages where package.identity != report.root && !package.reached.isEmpty {
                let identity = Markup.escapeHTML(VisibleText.escaped(package.identity))
                let reached = Markup.escapeHTML(VisibleText.escaped(package.reached.joined(separator: ", ")))
                out += ["", "<details><summary><code>\(identity)</code> reaches \(reached)</summary>", ""]
                for capability in package.reached {
                    out += [Wording.capability(capability, .markdown), ""]
                    out.append(codeBlock(package.reachedPaths[capability] ?? []))
                    out.append("")
                }
                out.append("</details>")
            }
        }
        if !report.unusedGrants.isEmpty {
            out += ["", "### Unused grants", ""]
            out += report.unusedGrants.map {
                "- \(markup.code(Wording.place($0.file, line: $0.line, column: $0.column, paths))): \(markup.text(Wording.unusedGrant($0)))"
            }
        }
        if !report.unanalyzed.isEmpty {
            out += ["", "### Not analysed", ""]
            let lines = UnanalysedLine.lines(report.unanalyzed, verbose: options.verbose)
            out += lines.map { "- " + Wording.unanalysed($0, paths, .markdown) }
            if lines.contains(where: \.isFolded) { out += ["", Wording.foldedNote(.markdown) + "."] }
        }
        if let footer = Wording.footer(report) { out += ["", "<sub>\(footer)</sub>"] }
        return out.joined(separator: "\n") + "\n"
    }
}
