import CapCheckSupport
import CapCheckModel

/// `--format dot`: a Graphviz graph of the packages on witness paths and the capabilities they reach.
/// Packages are boxes, capabilities ellipses; an edge between packages follows a witness path (toolchain hops
/// left out); an edge from a package to a capability is red for a violation blamed on it (`check`), grey for
/// a capability it reaches (`audit`, from each package's example path).
public struct DOTFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        var packages = Set<String>(), capabilities = Set<String>()
        var calls = Set<String>(), reaches: [String: String] = [:]
        func follow(_ path: [PathHop]) {
            var previous: String?
            for hop in path where hop.package != "toolchain" {
                packages.insert(hop.package)
                if let previous, previous != hop.package { calls.insert("\(quote(previous)) -> \(quote(hop.package))") }
                previous = hop.package
            }
        }
        if mode == .check {
            for violation in report.violations {
                follow(violation.path)
                packages.insert(violation.package)
                capabilities.insert(violation.capability)
                reaches["\(quote(violation.package)) -> \(quote("cap:" + violation.capability))"] =
                    "[color=red, fontcolor=red, label=\(quote(violation.sink))]"
            }
        } else {
            for package in report.packages where package.identity != report.root {
                for capability in package.reached {
                    follow(package.reachedPaths[capability] ?? [])
                    packages.insert(package.identity)
                    capabilities.insert(capability)
                    reaches["\(quote(package.identity)) -> \(quote("cap:" + capability))"] = "[color=gray40]"
                }
            }
        }
        var out = ["digraph capcheck {", "  rankdir=LR;", "  node [fontname=\"Helvetica\"];"]
        for package in packages.sorted() {
            let style = package == report.root ? ", style=bold" : ""
            out.append("  \(quote(package)) [shape=box\(style)];")
        }
        for capability in capabilities.sorted() {
            out.append("  \(quote("cap:" + capability)) [shape=ellipse, label=\(quote(capability)), tooltip=\(quote(Wording.tooltip(capability)))];")
        }
        out += calls.sorted().map { "  \($0);" }
        out += reaches.keys.sorted().map { "  \($0) \(reaches[$0]!);" }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// A DOT double-quoted ID.
    private func quote(_ text: String) -> String {
        "\"" + VisibleText.escaped(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
