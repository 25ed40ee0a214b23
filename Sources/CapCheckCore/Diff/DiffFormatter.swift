import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckBuild
import CapCheckCatalog
import CapCheckPolicy
import CapCheckGraph
import CapCheckNativeCode
import CapCheckSwiftSource
import CapCheckBuildTime
import CapCheckChecker
import CapCheckReporters
import Foundation

/// Renders a `ReportDiff` as text (for people) or JSON (for CI).
public enum DiffFormatter {
    public static func json(_ diff: ReportDiff) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(diff), as: UTF8.self) + "\n"
    }

    public static func text(_ diff: ReportDiff) -> String {
        var lines: [String] = []
        for change in diff.packages {
            let versions: String
            switch change.status {
            case "added": versions = " (new dependency\(change.newVersion.map { " \($0)" } ?? ""))"
            case "removed": versions = " (removed)"
            default:
                versions = change.oldVersion == change.newVersion ? "" : " \(change.oldVersion ?? "?") → \(change.newVersion ?? "?")"
            }
            lines.append(change.identity + versions)
            for capability in change.newlyReached {
                let meaning = Capability(capability).meaning.map { " — \($0)" } ?? ""
                lines.append("  + reaches \(capability)\(meaning)")
                lines.append(contentsOf: (change.examplePaths[capability] ?? []).map { "      " + $0.textLine })
            }
            for capability in change.noLongerReached { lines.append("  - no longer reaches \(capability)") }
            for (capability, sinks) in change.newSinks.sorted(by: { $0.key < $1.key }) {
                lines.append(contentsOf: sinks.map { "  + \(capability) sink \($0)" })
            }
            for (capability, sinks) in change.removedSinks.sorted(by: { $0.key < $1.key }) {
                lines.append(contentsOf: sinks.map { "  - \(capability) sink \($0)" })
            }
            if !change.newlyGranted.isEmpty { lines.append("  + granted \(change.newlyGranted.joined(separator: ", "))") }
            if !change.noLongerGranted.isEmpty { lines.append("  - no longer granted \(change.noLongerGranted.joined(separator: ", "))") }
            for target in change.newBuildTimeTargets { lines.append("  + build-time code: \(target)") }
        }
        if diff.packages.isEmpty { lines.append("capcheck diff: no changes at \(diff.granularity) level") }
        for alarm in diff.alarms { lines.append("error: \(alarm)") }
        if !diff.alarms.isEmpty {
            lines.append("capcheck diff: \(diff.alarms.count) alarm\(diff.alarms.count == 1 ? "" : "s")")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
