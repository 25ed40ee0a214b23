import CapCheckSupport
import CapCheckModel

/// `--format html`: the markdown report's audit as one self-contained page (inline style, no scripts, nothing
/// fetched): the packages × capabilities table (`<table id="capabilities">`), violations with their witness
/// paths, per-package paths for `audit`, unused grants and unanalysed code.
public struct HTMLFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        let table = CapabilityTable(report: report, mode: mode)
        let title = "capcheck \(mode == .check ? "check" : "audit"): \(report.root)"
        var body = ["<h1>\(escape(title))</h1>", "<p class=\"summary\">\(escape(MarkdownFormatter.summary(report, mode: mode)))</p>"]
        if table.columns.isEmpty {
            body.append("<p>No dependency is granted, reaches or could reach any capability.</p>")
        } else {
            body.append("<table id=\"capabilities\">")
            body.append("<thead><tr><th>package</th>" + table.columns.map { "<th title=\"\(escape(Capability($0).meaning ?? $0))\">\(escape($0))</th>" }.joined() + "</tr></thead>")
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
                let meaning = Capability(violation.capability).meaning.map { " — " + escape($0) } ?? ""
                body.append("<section class=\"violation\"><p><strong>\(escape(violation.package))</strong> reaches <code>\(escape(violation.capability))</code> through <code>\(escape(violation.sink))</code>, which its grant lacks\(meaning)</p>")
                body.append(pre(violation.path.map(report.relativeLine)) + "</section>")
            }
        }
        if mode == .audit {
            body.append("<h2>What each package reaches</h2>")
            for package in report.packages where package.identity != report.root && !package.reached.isEmpty {
                body.append("<details><summary><code>\(escape(package.identity))</code> reaches \(escape(package.reached.joined(separator: ", ")))</summary>")
                for capability in package.reached {
                    let meaning = Capability(capability).meaning.map { " — " + escape($0) } ?? ""
                    body.append("<p><code>\(escape(capability))</code>\(meaning)</p>" + pre((package.reachedPaths[capability] ?? []).map(report.relativeLine)))
                }
                body.append("</details>")
            }
        }
        if !report.unusedGrants.isEmpty {
            body.append("<h2>Unused grants</h2><ul>" + report.unusedGrants.map {
                "<li><code>\(escape(report.relativePath($0.file))):\($0.line):\($0.column)</code>: \(escape($0.message))</li>"
            }.joined() + "</ul>")
        }
        if !report.unanalyzed.isEmpty {
            body.append("<h2>Not analysed</h2><ul>" + report.unanalyzed.map {
                "<li><code>\(escape($0.package))</code>: \(escape($0.reason))</li>"
            }.joined() + "</ul>")
        }
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
        pre{background:#f6f8fa;padding:.6em;overflow:auto}.summary{font-weight:bold}.legend{color:#656d76}
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

    private func pre(_ lines: [String]) -> String {
        "<pre>" + lines.map(escape).joined(separator: "\n") + "</pre>"
    }

    /// Escapes text for HTML element content and double-quoted attributes.
    package func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
