import CapCheckSupport
import CapCheckModel

/// How capcheck words what it found, in one place for every human format (text, Markdown, HTML, SARIF messages,
/// `explain`, `diff`): a violation's headline, a capability's meaning, a hop of a witness path, an unused grant, an
/// unanalysed entry, the summaries and the footer. Each format adds its own `Markup`.
package enum Wording {
    // MARK: Capabilities and violations

    /// ` — can read, write or delete files …`: what a package holding `capability` could do; empty for a user
    /// capability (the policy declares no meaning).
    package static func meaning(of capability: String, _ markup: Markup = .plain) -> String {
        Capability(capability).meaning.map { " — " + markup.text($0) } ?? ""
    }

    /// What a tooltip says about a capability: its meaning, else its name.
    package static func tooltip(_ capability: String) -> String { Capability(capability).meaning ?? capability }

    /// `fs — can read, write or delete files …`
    package static func capability(_ capability: String, _ markup: Markup = .plain) -> String {
        markup.code(capability) + meaning(of: capability, markup)
    }

    /// `reaches fs through Foundation.FileManager.createFile(…), which its grant lacks — can read, …`
    package static func violation(capability: String, sink: String, _ markup: Markup = .plain) -> String {
        "reaches \(markup.code(capability)) through \(markup.code(sink)), which its grant lacks" + meaning(of: capability, markup)
    }

    /// `witness-fs reaches fs through …, which its grant lacks — can read, …`: the headline with its package.
    package static func violation(_ violation: Violation, _ markup: Markup = .plain, _ paths: PathDisplay = .absolute) -> String {
        markup.package(violation.package) + " " + headline(violation, markup, paths)
    }

    /// The headline without the package: for a narrowed grant, the values it does not cover.
    package static func headline(_ violation: Violation, _ markup: Markup = .plain, _ paths: PathDisplay = .absolute) -> String {
        guard let values = violation.values, !values.isEmpty else {
            return Self.violation(capability: violation.capability, sink: violation.sink, markup) + (violation.note.map { "; " + markup.text($0) } ?? "")
                + onlyIn(violation)
        }
        return "uses \(markup.code(violation.capability)) through \(markup.code(violation.sink)) with "
            + (values.count == 1 ? "a value" : "values") + " its narrowed grant does not cover: "
            + values.map { value($0, markup, paths) }.joined(separator: "; ") + onlyIn(violation)
    }

    /// ` (only in the release build)`: with `--configuration both`, a path one configuration has.
    private static func onlyIn(_ violation: Violation) -> String {
        guard let configurations = violation.configurations, configurations.count == 1 else { return "" }
        return " (only in the \(configurations[0]) build)"
    }

    /// `/root/.ssh/id_rsa` (Sources/X/Cache.swift:7), `unknown: … (file:line)`: one value at a sink.
    package static func value(_ value: SinkValue, _ markup: Markup = .plain, _ paths: PathDisplay = .absolute) -> String {
        // The file, the note (it quotes the package's code) and the supplier come from the analysed packages.
        let place = markup.text("\(paths.show(value.file)):\(value.line)")
        switch value.kind {
        case "constant": return "\(markup.code(value.value ?? "")) (\(place))"
        case "prefix": return "\(markup.code((value.value ?? "") + "…")), the rest computed at run time (\(place))"
        case "caller":
            let made = value.value.map { markup.code($0) + " " } ?? "a value "
            return made + "from \(markup.text(value.supplier ?? "the caller")) \(markup.text(value.note ?? "")) (\(place))"
        default: return "a value capcheck could not resolve: \(markup.text(value.note ?? "")) (\(place))"
        }
    }

    /// `fs through Foundation.FileManager.contents(atPath:) — can read, …`: one way a package reaches a capability.
    package static func way(capability: String, sink: String, _ markup: Markup = .plain) -> String {
        "\(markup.code(capability)) through \(markup.code(sink))" + meaning(of: capability, markup)
    }

    // MARK: Places and paths

    /// `file:line:column`, the file shown as `paths` shows it.
    package static func place(_ file: String, line: Int, column: Int, _ paths: PathDisplay) -> String {
        "\(paths.show(file)):\(line):\(column)"
    }

    /// `Module.symbol() (package)`: a hop's symbol and the package that owns it.
    package static func hop(_ hop: PathHop) -> String { VisibleText.escaped("\(hop.symbol) (\(hop.package))") }

    /// `file:line:col: symbol (package)  [via]`: one line of a witness path.
    package static func hopLine(_ hop: PathHop, _ paths: PathDisplay) -> String {
        place(hop.file, line: hop.line, column: hop.column, paths) + ": " + Self.hop(hop) + (hop.via.map { "  [\(VisibleText.escaped($0))]" } ?? "")
    }

    /// `symbol (package) [via]`: a hop where the format places the file itself (SARIF).
    package static func hopMessage(_ hop: PathHop) -> String {
        Self.hop(hop) + (hop.via.map { " [\(VisibleText.escaped($0))]" } ?? "")
    }

    // MARK: Warnings

    /// One sentence a user can act on: `nested-child (under nested-parent) is granted fs, which nothing …`.
    package static func unusedGrant(_ grant: UnusedGrant) -> String {
        let package = grant.under.isEmpty ? grant.package : "\(grant.package) (under \(grant.under.joined(separator: " → ")))"
        return "\(package) is granted \(grant.capability), which nothing reachable from the root uses; remove it from the grant"
    }

    /// `package: reason`, with the entry's file shown as `paths` shows it; or, for entries counted together,
    /// `package: Target: 122 assembly sources not read`.
    package static func unanalysed(_ line: UnanalysedLine, _ paths: PathDisplay, _ markup: Markup = .plain) -> String {
        switch line {
        case .entry(let entry):
            var reason = entry.reason
            if let file = entry.file, paths.show(file) != file { reason = reason.replacingOccurrences(of: file, with: paths.show(file)) }
            return markup.code(entry.package) + ": " + markup.text(reason)
        case .folded(let package, let target, let kind, let entries):
            return markup.code(package) + ": " + (target.map { markup.code($0) + ": " } ?? "") + counted(kind, entries, markup)
        }
    }

    /// `122 assembly sources not read`: what entries of one kind counted together are.
    private static func counted(_ kind: Unanalyzed.Kind, _ entries: [Unanalyzed], _ markup: Markup) -> String {
        let count = entries.count
        let capabilities = Set(entries.compactMap(\.capability)).sorted().joined(separator: ", ")
        let needing = capabilities.isEmpty ? "" : " (\(capabilities))"
        let prose: String
        switch kind {
        case .assemblySource: prose = plural(count, "assembly source") + " not read"
        case .cParseErrors: prose = plural(count, "C source") + " with parse errors, so code after them may be missed"
        case .inactiveCode:
            return markup.text(plural(count, "reference") + " in ") + markup.quote("#if")
                + markup.text(" branches this build does not compile" + needing)
        case .undeclaredCode: prose = plural(count, "reference") + " in code the index has no declaration for" + needing
        case .unreadableSource: prose = plural(count, "Swift source") + " that could not be read"
        case .linkedLibrary: prose = plural(count, "library", "libraries") + " linked from the system, not analysed"
        case .unsafeFlags: prose = plural(count, "unsafe flags setting") + ", not analysed"
        case .unclassifiedFunction: prose = plural(count, "call") + " from C of library functions the catalog does not classify, not analysed"
        case .binaryTarget, .systemLibrary, .buildTimeCode, .unknownTarget, .systemCallNumbers:
            prose = plural(count, "entry", "entries") + " of kind \(kind.rawValue)"
        }
        return markup.text(prose)
    }

    /// Said once after the unanalysed lines when some count several entries.
    /// `… 12 more hops`: the middle of a long audit path, folded.
    package static func foldedHops(_ count: Int) -> String { "… \(plural(count, "more hop"))" }

    package static func foldedNote(_ markup: Markup = .plain) -> String {
        markup.code("--verbose") + markup.text(" lists every entry a count stands for (") + markup.code("--format json")
            + markup.text(" always does)")
    }

    // MARK: Summaries

    /// `capcheck: 9 violations in 8 packages`: the text report's last line for `check`.
    package static func checkSummary(_ report: AnalysisReport) -> String {
        guard !report.violations.isEmpty else { return "capcheck: no violations in \(report.packages.count) packages" }
        let packages = Set(report.violations.map(\.package)).count
        return "capcheck: \(plural(report.violations.count, "violation")) in \(plural(packages, "package"))"
    }

    /// `9 violations in 8 packages · 13 dependencies · 1 unused grant`: the Markdown and HTML verdict.
    package static func summary(_ report: AnalysisReport, mode: ReportMode) -> String {
        var parts: [String] = []
        if mode == .check {
            let blamed = Set(report.violations.map(\.package)).count
            parts.append(report.violations.isEmpty ? "no violations"
                : "\(plural(report.violations.count, "violation")) in \(plural(blamed, "package"))")
        }
        parts.append(plural(report.packages.count - 1, "dependency", "dependencies"))
        if !report.unusedGrants.isEmpty { parts.append(plural(report.unusedGrants.count, "unused grant")) }
        if !report.unanalyzed.isEmpty { parts.append("\(report.unanalyzed.count) not analysed") }
        return parts.joined(separator: " · ")
    }

    /// Why `check --strict` fails although nothing was violated (unanalysed entries the policy acknowledges do not count).
    package static func strictFailure(_ report: AnalysisReport) -> String {
        let entries = report.unanalyzed.filter { $0.acknowledged != true }.count
        let acknowledged = report.unanalyzed.count - entries
        return "capcheck: --strict: failing on \(report.unusedGrants.count) unused grant(s) and \(entries) unanalysed "
            + "entr\(entries == 1 ? "y" : "ies")" + (acknowledged > 0 ? " (\(acknowledged) more the policy acknowledges)" : "")
            + "; they are listed in the report (the policy's \"unanalysed\" section acknowledges reviewed ones)"
    }

    /// `capcheck 0.2.0 · sink catalog generated from Swift version 6.3.1 (…)`: who wrote the report, for footers;
    /// nil when the report does not say (written before 0.2.0).
    package static func footer(_ report: AnalysisReport) -> String? {
        let parts = [report.capcheckVersion.map { "capcheck \($0)" },
                     report.catalogToolchain.map { "sink catalog generated from \($0)" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `1 violation`, `2 violations`.
    package static func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
