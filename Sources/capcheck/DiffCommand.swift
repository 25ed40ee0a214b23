import ArgumentParser
import CapCheckCore
import Foundation

/// `capcheck diff`: what a dependency update newly reaches. Exit 1 when a dependency newly reaches an effect
/// (fs, net, exec, env) or gains build-time code.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two analyses: two JSON reports, or the graph pinned at a git ref and now.",
        discussion: """
            capcheck diff OLD.json NEW.json        compare two reports written with --format json
            capcheck diff --base main              analyse the package with main's Package.resolved, then as now
            Exit status: 0 no alarm, 1 a dependency newly reaches fs, net, exec or env, uses one with a constant value
            it did not use before (a new host, path, variable or program: reports need `audit --values`), or gains
            build-time code; 2 error.
            """)

    @Argument(help: "Two JSON reports (old, new) written by `capcheck check|audit --format json`.")
    var reports: [String] = []

    @Option(help: "A git ref whose Package.resolved pins the baseline graph.")
    var base: String?

    @Option(help: "Compare at capability or sink level.")
    var granularity: ReportDiff.Granularity = .capability

    @OptionGroup var common: CommonOptions

    func validate() throws {
        try common.requireSingleConfiguration(for: "diff")
        guard (base == nil) == (reports.count == 2) else {
            throw ValidationError("give either two JSON reports or --base <git-ref>")
        }
        try common.requireFormat(for: "diff") { $0.diffFormatter() }
    }

    func run() throws {
        var alarms = 0
        try runReportingErrors {
            let (old, new) = try base.map(analyseAgainstBase) ?? (load(reports[0]), load(reports[1]))
            let diff = ReportDiff.compare(old: old, new: new, granularity: granularity)
            try common.emit(diff, with: common.format.diffFormatter(common.formatOptions)!)
            alarms = diff.alarms.count
        }
        if alarms > 0 { throw ExitCode(1) }
    }

    private func load(_ path: String) throws -> AnalysisReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CapCheckError(.usage, "cannot read the report \(path)")
        }
        do {
            return try JSONDecoder().decode(AnalysisReport.self, from: data)
        } catch {
            throw CapCheckError(.usage, "\(path) is not a capcheck JSON report (write one with `capcheck audit --format json`): \(error)")
        }
    }

    private func analyseAgainstBase(_ ref: String) throws -> (AnalysisReport, AnalysisReport) {
        var current = common.analyzerOptions(.baseline)
        current.collectValues = true
        let baseline = try BaselineWorkspace(packagePath: current.packagePath, scratchPath: current.scratchPath).prepare(ref: ref)
        var before = Analyzer.Options(mode: .baseline, packagePath: baseline.packagePath, scratchPath: baseline.scratchPath)
        before.includeTests = current.includeTests
        before.onlyResolvedVersions = true
        before.collectValues = true
        let progress = common.progress()
        progress("Analysing the graph as pinned at \(ref)…")
        let old = try Analyzer(options: before, progress: progress, display: common.display()).run()
        progress("Analysing the graph as it is now…")
        let new = try Analyzer(options: current, progress: progress, display: common.display()).run()
        return (old, new)
    }
}

extension ReportDiff.Granularity: ExpressibleByArgument {}
