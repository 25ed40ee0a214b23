import CapCheckSupport
import CapCheckModel

/// `--format html`: the markdown report's audit as one self-contained page (inline style, no scripts, nothing
/// fetched): the packages × capabilities table (`<table id="capabilities">`), violations with their witness
/// paths, per-package paths for `audit`, unused grants, unanalysed code and a footer naming capcheck's version and
/// the catalog's toolchain.
public struct HTMLFormatter: ReportFormatter {
    public let options: FormatOptions

    public init(options: FormatOptions = FormatOptions()) { self.options = options }

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        let paths = PathDisplay(report.folders, absolute: options.absolutePaths)
        func pre(_ hops: [PathHop]) -> String {
            "<pre>" + hops.map { escape(Wording.hopLine($0, paths)) }.joined(separator: "\n") + "</pre>"
        }
        let table = CapabilityTable(report: report, mode: mode)
        let title = "capcheck \(mode == .check ? "check" : "audit"): \(report.root)"
        var body = ["<h1>\(escape(title))</h1>", "<p class=\"summary\">\(escape(Wording.summary(report, mode: mode)))</p>"]
        if table.columns.isEmpty {
            body.append("<p>No dependency is granted, reaches or could reach any capability.</p>")
        } else {
            body.append("<table id=\"capabilities\">")
            body.append("<thead><tr><th>package</th>" + table.columns.map { "<th title=\"\(escape(Wording.tooltip($0)))\">\(escape($0))</th>" }.joined() + "</tr></thead>")
            body.append("<tbody>")
            for row in table.rows {
                let version = row.version.map { " <span class=\"version\">\(escape($0))</span>" } ?? ""
                let cells = row.cells.map { "<td class=\"\(cssClass($0))\">\(escape($0.label))</td>" }.joined()
                body.append("<tr><th scope=\"row\">\(escape(row.package))\(version)</th>\(cells)</tr>")
            }
            body.append("</tbody></table>")
            body.append("<p class=\"legend\">\(escape(CapabilityTable.legend(mode: mode)))</p>")
        }
        if mode == .check && !report.violations.isEmpty {
            body.append("<h2>Violations</h2>")
            for violation in report.violations {
                body.append("<section class=\"violation\"><p>\(Wording.violation(violation, .html, paths))</p>")
                body.append(pre(violation.path) + "</section>")
            }
        }
        if mode == .audit {
            body.append("<h2>What each package reaches</h2>")
            for package in report.packages where package.identity != report.root && !package.reached.isEmpty {
                body.append("<details><summary><code>\(escape(package.identity))</code> reaches \(escape(package.reached.joined(separator: ", ")))</summary>")
                for capability in package.reached {
                    body.append("<p>\(Wording.capability(capability, .html))</p>" + pre(package.reachedPaths[capability] ?? []))
                }
                body.append("</details>")
            }
        }
        if !report.unusedGrants.isEmpty {
            body.append("<h2>Unused grants</h2><ul>" + report.unusedGrants.map {
                "<li><code>\(escape(Wording.place($0.file, line: $0.line, column: $0.column, paths)))</code>: \(escape(Wording.unusedGrant($0)))</li>"
            }.joined() + "</ul>")
        }
        if !report.unanalyzed.isEmpty {
            let lines = UnanalysedLine.lines(report.unanalyzed, verbose: options.verbose)
            body.append("<h2>Not analysed</h2><ul>" + lines.map { "<li>\(Wording.unanalysed($0, paths, .html))</li>" }.joined() + "</ul>")
            if lines.contains(where: \.isFolded) { body.append("<p class=\"legend\">\(Wording.foldedNote(.html)).</p>") }
        }
        if let footer = Wording.footer(report) { body.append("<footer>\(escape(footer))</footer>") }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:75em;padding:0 1em;color:#1f2328}\
        table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #d0d7de;padding:.3em .6em;text-align:left}\
        thead th{background:#f6f8fa}.version{color:#656d76;font-weight:normal}\
        td.violation{background:#ffebe9}td.granted{background:#dafbe1}td.unused{background:#fff8c5}td.latent{color:#656d76}\
        pre{background:#f6f8fa;padding:.6em;overflow:auto}.summary{font-weight:bold}.legend{color:#656d76}\
        footer{color:#656d76;font-size:13px;margin-top:2em}
        """

    private func cssClass(_ cell: CapabilityTable.Cell) -> String {
        switch cell {
        case .none: return "none"
        case .violation: return "violation"
        case .reachedGranted, .reached: return "granted"
        case .grantedUnused: return "unused"
        case .latent: return "latent"
        }
    }

    private func escape(_ text: String) -> String { Markup.escapeHTML(text) }
}
