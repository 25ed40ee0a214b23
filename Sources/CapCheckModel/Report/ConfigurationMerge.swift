import CapCheckSupport

/// `--configuration both`: the debug and the release analyses as one report. What either configuration reaches is
/// reached; a violation in either fails, and says in which configurations its path exists (`configurations`); code
/// is unanalysed only when neither build compiled it (an inactive `#if` branch of one is usually active in the
/// other); a grant is unused only when neither uses it.
public enum ConfigurationMerge {
    /// The merged report; `debug`'s paths are kept where both have one.
    public static func merge(debug: AnalysisReport, release: AnalysisReport) -> AnalysisReport {
        var merged = debug
        let releaseViolations = Dictionary(release.violations.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let debugKeys = Set(debug.violations.map(key))
        merged.violations = debug.violations.map { violation in
            var violation = violation
            violation.configurations = releaseViolations[key(violation)] == nil ? ["debug"] : ["debug", "release"]
            return violation
        } + release.violations.filter { !debugKeys.contains(key($0)) }.map { violation in
            var violation = violation
            violation.configurations = ["release"]
            return violation
        }
        merged.violations.sort { ($0.package, $0.capability, $0.sink) < ($1.package, $1.capability, $1.sink) }

        let releasePackages = Dictionary(release.packages.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        merged.packages = debug.packages.map { package in
            guard let other = releasePackages[package.identity] else { return package }
            return merge(package, other)
        } + release.packages.filter { package in !debug.packages.contains { $0.identity == package.identity } }

        let inactive: (Unanalyzed) -> Bool = { $0.kind == .inactiveCode }
        let releaseInactive = Set(release.unanalyzed.filter(inactive))
        let debugOther = Set(debug.unanalyzed.filter { !inactive($0) })
        merged.unanalyzed = debug.unanalyzed.filter { !inactive($0) || releaseInactive.contains($0) }
            + release.unanalyzed.filter { !inactive($0) && !debugOther.contains($0) }
        let releaseUnused = Set(release.unusedGrants)
        merged.unusedGrants = debug.unusedGrants.filter(releaseUnused.contains)
        return merged
    }

    private static func key(_ violation: Violation) -> String { "\(violation.package)|\(violation.capability)|\(violation.sink)" }

    private static func merge(_ debug: PackageSummary, _ release: PackageSummary) -> PackageSummary {
        var merged = debug
        let reached = Set(debug.reached).union(release.reached)
        merged.reached = reached.sorted()
        merged.latent = Set(debug.latent).union(release.latent).subtracting(reached).sorted()
        merged.reachedPaths = debug.reachedPaths.merging(release.reachedPaths) { first, _ in first }
        merged.latentPaths = debug.latentPaths.merging(release.latentPaths) { first, _ in first }
            .filter { merged.latent.contains($0.key) }
        merged.reachedSinks = debug.reachedSinks.merging(release.reachedSinks) { Array(Set($0).union($1)).sorted() }
        merged.inactiveLines = min(debug.inactiveLines, release.inactiveLines)
        if let other = release.reachedValues {
            merged.reachedValues = (debug.reachedValues ?? [:]).merging(other) { first, second in
                first + second.filter { !first.contains($0) }
            }
        }
        return merged
    }
}
