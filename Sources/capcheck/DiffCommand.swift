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
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            let why = !FileManager.default.fileExists(atPath: path) ? "there is no such file" : isFolder.boolValue ? "it is a folder" : "it is not readable"
            throw CapCheckError(.usage, "cannot read the report \(path): \(why); give two JSON reports written by `capcheck audit --format json`")
        }
        let report: AnalysisReport
        do {
            report = try JSONDecoder().decode(AnalysisReport.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw notAReport(path, "it has no `\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))`")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw notAReport(path, "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` is not what a report holds there")
        } catch let DecodingError.dataCorrupted(context) {
            throw notAReport(path, "it is not valid JSON (\((context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] ?? context.debugDescription))")
        } catch {
            throw notAReport(path, "\(error)")
        }
        // A report of another schema may mean other things by the same fields; a package listed twice would hide what
        // one of its entries reaches (the robustness sweep's: `diff` passed both).
        guard report.schemaVersion == 1 else {
            throw notAReport(path, "its schemaVersion is \(report.schemaVersion); this capcheck reads version 1")
        }
        var seen = Set<String>()
        if let twice = report.packages.first(where: { !seen.insert($0.identity).inserted }) {
            throw notAReport(path, "it lists package \(twice.identity) twice")
        }
        return report
    }

    private func notAReport(_ path: String, _ why: String) -> CapCheckError {
        CapCheckError(.usage, "\(path) is not a capcheck JSON report: \(why). Write one with `capcheck audit --format json`.")
    }

    private func analyseAgainstBase(_ ref: String) throws -> (AnalysisReport, AnalysisReport) {
        // `git show` would take a ref starting with `-` for an option (`--output=<file>` wrote files).
        guard !ref.hasPrefix("-"), !ref.isEmpty else {
            throw CapCheckError(.usage, "--base takes a git ref (a branch, tag or commit), not \(ref.isEmpty ? "an empty one" : "`\(ref)`")")
        }
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
