import CapCheckSupport
import CapCheckModel

/// `diff` as text: per changed package, its versions and what it newly reaches (with an example path), no longer
/// reaches, is newly granted, or gains as build-time code; then the alarms that fail the diff.
public struct DiffTextFormatter: OutputFormatter {
    public let options: FormatOptions

    public init(options: FormatOptions = FormatOptions()) { self.options = options }

    public func format(_ diff: ReportDiff) throws -> String {
        let paths = PathDisplay(diff.folders, absolute: options.absolutePaths)
        var lines: [String] = []
        for change in diff.packages {
            lines.append(change.identity + versions(of: change))
            for capability in change.newlyReached {
                lines.append("  + reaches " + Wording.capability(capability))
                lines += (change.examplePaths[capability] ?? []).map { "      " + Wording.hopLine($0, paths) }
            }
            for capability in change.noLongerReached { lines.append("  - no longer reaches \(capability)") }
            for (capability, sinks) in change.newSinks.sorted(by: { $0.key < $1.key }) {
                lines += sinks.map { "  + \(capability) sink \($0)" }
            }
            for (capability, sinks) in change.removedSinks.sorted(by: { $0.key < $1.key }) {
                lines += sinks.map { "  - \(capability) sink \($0)" }
            }
            if !change.newlyGranted.isEmpty { lines.append("  + granted \(change.newlyGranted.joined(separator: ", "))") }
            if !change.noLongerGranted.isEmpty { lines.append("  - no longer granted \(change.noLongerGranted.joined(separator: ", "))") }
            for target in change.newBuildTimeTargets { lines.append("  + build-time code: \(target)") }
            for kind in change.newUnanalysed ?? [] { lines.append("  + code capcheck does not analyse: \(kind)") }
        }
        if diff.packages.isEmpty { lines.append("capcheck diff: no changes at \(diff.granularity) level") }
        for alarm in diff.alarms { lines.append("error: \(alarm)") }
        if !diff.alarms.isEmpty { lines.append("capcheck diff: \(Wording.plural(diff.alarms.count, "alarm"))") }
        // Every line is capcheck's; what the packages chose in them (identities, sinks, values) is escaped (`VisibleText`).
        return VisibleText.escaped(lines.joined(separator: "\n"), keepingNewlines: true) + "\n"
    }

    /// ` (new dependency 1.2.0)`, ` (removed)`, ` 1.0.0 → 1.1.0`, or nothing when the version did not change.
    private func versions(of change: ReportDiff.PackageChange) -> String {
        switch change.status {
        case "added": return " (new dependency\(change.newVersion.map { " \($0)" } ?? ""))"
        case "removed": return " (removed)"
        default: return change.oldVersion == change.newVersion ? "" : " \(change.oldVersion ?? "?") → \(change.newVersion ?? "?")"
        }
    }
}
