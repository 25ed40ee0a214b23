import CapCheckChecker
import CapCheckPolicy
import CapCheckModel
import CapCheckSupport

/// The decision taken before building: plugins and macros run during the build with the user's authority, so each
/// needs its `build` grant first (`BuildTimeCheck` reports those that lack it).
enum BuildTimeGate {
    /// Nothing lacks its grant, or the user consented (`--allow-build-time-code`): build. The report is the check's.
    case proceed(AnalysisReport)
    /// `check` does not build, and reports what lacks its grant as violations.
    case refused(AnalysisReport)

    var report: AnalysisReport {
        switch self {
        case .proceed(let report), .refused(let report): return report
        }
    }

    /// The gate for `report` under `mode`; commands other than `check` refuse with an error that says what to do.
    static func decide(_ report: AnalysisReport, mode: Analyzer.Mode, consent: Bool, policyFile: String) throws -> BuildTimeGate {
        guard !report.violations.isEmpty else { return .proceed(report) }
        if mode == .check { return .refused(report) }
        guard consent else { throw refusal(report, policyFile: policyFile) }
        return .proceed(report)
    }

    /// The refusal as an error, for the commands that do not report violations: what would run, and what to do.
    private static func refusal(_ report: AnalysisReport, policyFile: String) -> CapCheckError {
        let targets = report.violations.map { "\($0.sink) of \($0.package)" }.sorted()
        return CapCheckError(.build, """
            not building: \(targets.joined(separator: ", ")) would run at build time without a `build` grant in \
            \(policyFile); grant `build` to \(Set(report.violations.map(\.package)).sorted().joined(separator: ", ")) there, \
            pass --allow-build-time-code to build anyway, or build yourself and pass --skip-build
            """)
    }
}

extension Analyzer.Preparation {
    /// The checker and policy of a run that got past the build-time gate. `explain` and `init` cannot stop there
    /// (only `check` and `buildTimeOnly` do), so anything else is a programming error reported as a tool error.
    public func ready() throws -> (checker: Checker, policy: Policy) {
        guard case .ready(let checker, let policy) = self else {
            throw CapCheckError(.build, "the analysis stopped before building; run `capcheck check --build-time-only` to see why")
        }
        return (checker, policy)
    }
}
