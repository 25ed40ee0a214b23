import CapCheckSupport
import CapCheckModel

/// The packages × capabilities table of the markdown and HTML reports: for each dependency and capability,
/// whether the package is granted it (top-level grant), reaches it from the root's code, or only could (latent).
package struct CapabilityTable {
    package enum Cell: Equatable {
        case none
        /// Reached, and `check` found a violation of it blamed on the package.
        case violation
        /// Reached without a violation (`check`: granted on every path).
        case reachedGranted
        /// Reached (`audit`: no policy).
        case reached
        /// Granted at top level, not reached.
        case grantedUnused
        /// Present in the package's code, not reached from the root (maybe granted).
        case latent(granted: Bool)

        /// A symbol and a few words, the same in every format.
        package var label: String {
            switch self {
            case .none: return ""
            case .violation: return "✗ reached, not granted"
            case .reachedGranted: return "✓ reached, granted"
            case .reached: return "● reached"
            case .grantedUnused: return "○ granted, not reached"
            case .latent(let granted): return granted ? "○ granted, latent" : "◌ latent"
            }
        }
    }

    package struct Row {
        package let package: String
        package let version: String?
        package let cells: [Cell]
    }

    /// The capabilities shown: built-ins in documentation order, then user capabilities, each only if some
    /// dependency is granted it, reaches it or could.
    package let columns: [String]
    package let rows: [Row]

    /// What each symbol means, for the table's legend.
    package static func legend(mode: ReportMode) -> String {
        mode == .check
            ? "✗ reached without a grant · ✓ reached and granted · ○ granted, not reached · ◌ latent: in the package's code, not reached from yours"
            : "● reached from your code · ◌ latent: in the package's code, not reached from yours"
    }

    package init(report: AnalysisReport, mode: ReportMode) {
        let dependencies = report.packages.filter { $0.identity != report.root }
        let used = Set(dependencies.flatMap { $0.granted + $0.reached + $0.latent })
        let builtIn = Capability.builtIn.map(\.name)
        let columns = builtIn.filter(used.contains) + used.subtracting(builtIn).sorted()
        self.columns = columns
        let violations = Set(report.violations.map { "\($0.package)|\($0.capability)" })
        rows = dependencies.map { package in
            Row(package: package.identity, version: package.version, cells: columns.map { capability in
                let granted = package.granted.contains(capability)
                if package.reached.contains(capability) {
                    if mode == .audit { return .reached }
                    return violations.contains("\(package.identity)|\(capability)") ? .violation : .reachedGranted
                }
                if mode == .check, violations.contains("\(package.identity)|\(capability)") { return .violation }
                if package.latent.contains(capability) { return .latent(granted: granted) }
                return granted ? .grantedUnused : .none
            })
        }
    }
}
