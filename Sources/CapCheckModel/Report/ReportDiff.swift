import CapCheckSupport

/// What changed between two analyses of one package graph (`capcheck diff`): per package, the capabilities
/// (or sinks) newly reached, no longer reached, newly granted, and build-time code gained. Its JSON encoding
/// is a public contract like the report's.
public struct ReportDiff: Codable, Sendable {
    /// Compare at package × capability level (the default: swapping one sink for another of the same
    /// capability is no change) or at package × sink level.
    public enum Granularity: String, Codable, CaseIterable, Sendable {
        case capability, sink
    }

    public struct PackageChange: Codable, Sendable, Equatable {
        public var identity: String
        public var oldVersion: String?
        public var newVersion: String?
        /// The package is new to the graph (`added`), left it (`removed`), or is in both (`changed`).
        public var status: String
        public var newlyReached: [String]
        public var noLongerReached: [String]
        public var newlyGranted: [String]
        public var noLongerGranted: [String]
        /// At sink granularity: per capability, the sinks newly reached and no longer reached.
        public var newSinks: [String: [String]]
        public var removedSinks: [String: [String]]
        public var newBuildTimeTargets: [String]
        /// One example path per newly reached capability, from the new analysis.
        public var examplePaths: [String: [PathHop]]
        /// Per effect, the constant values (hosts, paths, variables, programs; a prefix ends in `…`) the package uses
        /// now and did not before, when both reports carry `reachedValues`. Nil when there is none.
        public var newValues: [String: [String]]? = nil
        /// Kinds of code capcheck does not analyse (`Unanalyzed.kindKey`: `linkedLibrary`, `unsafeFlags`,
        /// `inactiveCode:net`, …) the package has now and did not before. Nil when there is none.
        public var newUnanalysed: [String]? = nil

        package var isEmpty: Bool {
            newlyReached.isEmpty && noLongerReached.isEmpty && newlyGranted.isEmpty && noLongerGranted.isEmpty
                && newSinks.isEmpty && removedSinks.isEmpty && newBuildTimeTargets.isEmpty && status == "changed" && newValues == nil
                && newUnanalysed == nil
        }
    }

    public var schemaVersion = 1
    public var root: String
    public var granularity: Granularity
    /// Only dependencies with a change (the root is not compared).
    public var packages: [PackageChange]
    /// Why the diff fails (exit 1): a dependency newly reaching an effect, gaining build-time code, or gaining a kind of
    /// code capcheck does not analyse.
    public var alarms: [String]
    /// Where the new analysis's packages lie, for showing the example paths' files (not encoded).
    public var folders = PackageFolders()

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, root, granularity, packages, alarms
    }

    /// Compares two reports of the same root.
    public static func compare(old: AnalysisReport, new: AnalysisReport, granularity: Granularity) -> ReportDiff {
        let before = Dictionary(old.packages.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.packages.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        let effects = Set(Capability.builtInEffects.map(\.name))
        var changes: [PackageChange] = []
        var alarms: [String] = []
        func kinds(_ report: AnalysisReport) -> [String: Set<String>] {
            Dictionary(grouping: report.unanalyzed, by: \.package).mapValues { Set($0.compactMap(\.kindKey)) }
        }
        let oldKinds = kinds(old), newKinds = kinds(new)

        // The root holds everything whatever it reaches; only dependencies are compared.
        for identity in Set(before.keys).union(after.keys).subtracting([old.root, new.root]).sorted() {
            let oldSummary = before[identity], newSummary = after[identity]
            let oldReached = Set(oldSummary?.reached ?? []), newReached = Set(newSummary?.reached ?? [])
            let oldGranted = Set(oldSummary?.granted ?? []), newGranted = Set(newSummary?.granted ?? [])
            let newlyReached = newReached.subtracting(oldReached).sorted()
            var newSinks: [String: [String]] = [:], removedSinks: [String: [String]] = [:]
            if granularity == .sink {
                let oldSinks = oldSummary?.reachedSinks ?? [:], newSinksAll = newSummary?.reachedSinks ?? [:]
                for capability in Set(oldSinks.keys).union(newSinksAll.keys) {
                    let added = Set(newSinksAll[capability] ?? []).subtracting(oldSinks[capability] ?? [])
                    let removed = Set(oldSinks[capability] ?? []).subtracting(newSinksAll[capability] ?? [])
                    if !added.isEmpty { newSinks[capability] = added.sorted() }
                    if !removed.isEmpty { removedSinks[capability] = removed.sorted() }
                }
            }
            let newBuildTime = Set(newSummary?.buildTimeTargets ?? []).subtracting(oldSummary?.buildTimeTargets ?? []).sorted()
            let newValues = Self.newValues(old: oldSummary, new: newSummary)
            var change = PackageChange(
                identity: identity, oldVersion: oldSummary?.version, newVersion: newSummary?.version,
                status: oldSummary == nil ? "added" : newSummary == nil ? "removed" : "changed",
                newlyReached: newlyReached,
                noLongerReached: oldReached.subtracting(newReached).sorted(),
                newlyGranted: newGranted.subtracting(oldGranted).sorted(),
                noLongerGranted: oldGranted.subtracting(newGranted).sorted(),
                newSinks: newSinks, removedSinks: removedSinks, newBuildTimeTargets: newBuildTime,
                examplePaths: (newSummary?.reachedPaths ?? [:]).filter { newlyReached.contains($0.key) })
            change.newValues = newValues.isEmpty ? nil : newValues
            let newUnanalysed = newSummary == nil ? [] : (newKinds[identity] ?? []).subtracting(oldKinds[identity] ?? []).sorted()
            change.newUnanalysed = newUnanalysed.isEmpty ? nil : newUnanalysed
            guard !change.isEmpty else { continue }
            changes.append(change)
            let newEffects = newlyReached.filter(effects.contains)
            if !newEffects.isEmpty {
                alarms.append("\(identity) newly reaches \(newEffects.joined(separator: ", "))")
            }
            if granularity == .sink {
                for (capability, sinks) in newSinks.sorted(by: { $0.key < $1.key })
                where effects.contains(capability) && !newEffects.contains(capability) {
                    alarms.append("\(identity) newly reaches \(capability) through \(sinks.joined(separator: ", "))")
                }
            }
            for (capability, values) in newValues.sorted(by: { $0.key < $1.key }) where !newEffects.contains(capability) {
                alarms.append("\(identity) newly uses \(capability) with \(values.joined(separator: ", "))")
            }
            if !newBuildTime.isEmpty {
                alarms.append("\(identity) gains build-time code: \(newBuildTime.joined(separator: ", "))")
            }
            if !newUnanalysed.isEmpty {
                alarms.append("\(identity) gains code capcheck does not analyse: \(newUnanalysed.joined(separator: ", "))")
            }
        }
        return ReportDiff(root: new.root, granularity: granularity, packages: changes, alarms: alarms, folders: new.folders)
    }

    /// Constant, prefix and unresolved values of effects in `new` that `old` does not have (by text, wherever made); empty unless both
    /// reports carry values for a package that is in both.
    private static func newValues(old: PackageSummary?, new: PackageSummary?) -> [String: [String]] {
        guard let before = old?.reachedValues, let after = new?.reachedValues else { return [:] }
        func texts(_ values: [SinkValue]) -> Set<String> {
            Set(values.compactMap { value in
                switch value.kind {
                case "constant": return value.value
                case "prefix": return value.value.map { $0 + "…" }
                // A caller's value made of several pieces is told by what its note says it was made as.
                case "caller": return value.value ?? value.note.map { "from \(value.supplier ?? "the caller") " + $0 }
                default: return nil
                }
            })
        }
        // A new value capcheck cannot resolve may hide a new host or path (the thirteenth sweep's `?v=1` URL). It is told
        // apart by what its note says of it (the expression), not by its line, and two sites can read alike (`the host
        // in `https://…` is computed at run time`): one more of them than before is new too (the sixteenth sweep's
        // second call to a decoded host).
        func unresolved(_ values: [SinkValue]) -> [String: Int] {
            values.reduce(into: [:]) { counts, value in
                if value.kind == "unknown", let note = value.note { counts["a value capcheck could not resolve: " + note, default: 0] += 1 }
            }
        }
        var result: [String: [String]] = [:]
        for (capability, values) in after {
            var added = texts(values).subtracting(texts(before[capability] ?? []))
            let old = unresolved(before[capability] ?? [])
            for (text, count) in unresolved(values) where count > (old[text] ?? 0) { added.insert(text) }
            if !added.isEmpty { result[capability] = added.sorted() }
        }
        return result
    }
}
