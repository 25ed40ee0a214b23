import CapCheckSupport
import ArgumentParser
import CapCheckCore
import Foundation

/// Options shared by the commands that build and analyse.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("package-path"), help: "The root package to analyse.")
    var packagePath: String = "."

    @Option(name: .customLong("scratch-path"), help: "SwiftPM's build folder (default: <package-path>/.build).")
    var scratchPath: String?

    @Flag(name: .customLong("skip-build"), help: "Reuse the index store of an earlier build instead of building.")
    var skipBuild = false

    @Option(help: "The configuration to build and analyse: debug (the default), release (what usually ships; built with SwiftPM's index store enabled, so `#if DEBUG` code is what is inactive; a second build), or both (check and audit only: the two analyses merged, each violation saying where its path exists).")
    var configuration: ConfigurationChoice = .debug

    @Flag(name: .customLong("include-tests"), help: "Build test targets and treat the root's tests as entry points.")
    var includeTests = false

    @Flag(help: "Build under bubblewrap (Linux): no network, writes only to the scratch folder.")
    var sandbox = false

    @Flag(help: "Build even when plugins or macros lack a `build` grant (they run during the build). `check` never does.")
    var allowBuildTimeCode = false

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(help: "List every unanalysed entry in text, markdown and html, instead of one counted line per target and kind (json always lists every one).")
    var verbose = false

    @Flag(name: .customLong("absolute-paths"), help: "Show files as absolute paths in text, markdown and html, instead of relative to the root package or as `<dependency>/<path>`.")
    var absolutePaths = false

    @Flag(name: [.short, .long], help: "No progress messages on standard error.")
    var quiet = false

    @Flag(help: "Print how long each analysis stage took on standard error.")
    var timings = false

    @Flag(name: .customLong("swiftpm-holds-lock"),
          help: ArgumentHelp("The SwiftPM that runs capcheck (the command plugin) holds the scratch folder's lock: read the package graph without taking it, and never build (requires --skip-build or --build-time-only).",
                             visibility: .hidden))
    var swiftPMHoldsLock = false

    func analyzerOptions(_ mode: Analyzer.Mode) -> Analyzer.Options {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let package = URL(fileURLWithPath: packagePath, relativeTo: cwd)
        let scratch = scratchPath.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        var options = Analyzer.Options(mode: mode, packagePath: package, scratchPath: scratch)
        options.skipBuild = skipBuild
        options.includeTests = includeTests
        options.sandbox = sandbox
        options.allowBuildTimeCode = allowBuildTimeCode
        options.swiftPMHoldsLock = swiftPMHoldsLock
        options.configuration = configuration.builds[0]
        return options
    }

    /// Runs the analysis with these options (and `adjust`ed ones), printing stage timings when asked; with
    /// `--configuration both`, once per configuration, merged (`ConfigurationMerge`).
    func analyze(_ mode: Analyzer.Mode, adjust: (inout Analyzer.Options) -> Void = { _ in }) throws -> AnalysisReport {
        var reports: [AnalysisReport] = []
        for build in configuration.builds {
            var options = analyzerOptions(mode)
            options.configuration = build
            adjust(&options)
            if configuration == .both { progress()("Analysing the \(build.rawValue) configuration…") }
            reports.append(try analyze(options))
        }
        return reports.count == 2 ? ConfigurationMerge.merge(debug: reports[0], release: reports[1]) : reports[0]
    }

    /// A usage error when `--configuration both` is given to a command that analyses one configuration.
    func requireSingleConfiguration(for command: String) throws {
        guard configuration == .both else { return }
        throw ValidationError("--configuration both is for check and audit; give \(command) debug or release")
    }

    private func analyze(_ options: Analyzer.Options) throws -> AnalysisReport {
        let analyzer = Analyzer(options: options, progress: progress(), display: display())
        analyzer.timings.recordsMemory = timings
        defer {
            if timings {
                let lines = analyzer.timings.stages.map { stage in
                    String(format: "capcheck: timing %@ %.3f s", stage.name, stage.seconds)
                        + (stage.memory.map { String(format: " (resident %d MB, peak %d MB)", $0.resident >> 20, $0.peak >> 20) } ?? "")
                        + "\n"
                }
                StandardStream.error.write(lines.joined())
            }
        }
        return try analyzer.run()
    }

    /// The counts of the long stages on standard error, unless `--quiet`.
    func display() -> ProgressDisplay? { quiet ? nil : ProgressDisplay.forStandardError() }

    func progress() -> @Sendable (String) -> Void {
        if quiet { return { _ in } }
        return { message in StandardStream.error.write("capcheck: " + VisibleText.escaped(message) + "\n") }
    }

    /// How the human formats present results: `--verbose`, `--absolute-paths`, and colour for text on a terminal.
    var formatOptions: FormatOptions {
        FormatOptions(verbose: verbose, absolutePaths: absolutePaths,
                      colorize: format == .text && output == nil && isatty(STDOUT_FILENO) == 1)
    }

    /// Writes a report in `--format` to `--output` or standard output.
    func emit(_ report: AnalysisReport, mode: ReportMode) throws {
        try write(try format.reportFormatter(formatOptions).format(CommandReport(report, mode: mode)))
    }

    /// A usage error unless `--format` has a formatter of `command`'s results, naming the formats that do.
    func requireFormat(for command: String, _ formatter: (OutputFormat) -> Any?) throws {
        guard formatter(format) == nil else { return }
        let formats = OutputFormat.allCases.filter { formatter($0) != nil }.map(\.rawValue)
        throw ValidationError("\(command) writes --format \(formats.joined(separator: " or ")), not \(format.rawValue)")
    }

    /// Writes `subject` rendered by `formatter` to `--output` or standard output.
    func emit<Subject>(_ subject: Subject, with formatter: any OutputFormatter<Subject>) throws {
        try write(try formatter.format(subject))
    }

    /// Writes rendered output to `--output` or standard output.
    private func write(_ text: String) throws {
        if let output {
            do {
                try OutputFile.write(text, to: output)
            } catch {
                let reason = (error as? CapCheckError)?.message ?? error.localizedDescription
                throw CapCheckError(.io, "cannot write the report to \(output.isEmpty ? "an empty path" : output): \(reason); "
                                    + "give --output a file in a folder you can write")
            }
        } else if let failure = StandardStream.output.write(text) {
            throw CapCheckError(.io, "cannot write the report to standard output: \(failure)")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Runs a command body, mapping capcheck's errors to exit code 2 with a one-line message on stderr.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CapCheckError {
        // A message may quote a package's file names: escaped like the reports (`VisibleText`).
        StandardStream.error.write("error: \(VisibleText.escaped(error.message, keepingNewlines: true))\n")
        throw ExitCode(2)
    } catch let exit as ExitCode {
        throw exit
    } catch {
        StandardStream.error.write("error: \(VisibleText.escaped("\(error)", keepingNewlines: true))\n")
        throw ExitCode(2)
    }
}

/// `--configuration`: one configuration, or both (analysed one after the other and merged).
enum ConfigurationChoice: String, ExpressibleByArgument, CaseIterable {
    case debug, release, both

    /// The configurations to build, in order.
    var builds: [BuildConfiguration] {
        switch self {
        case .debug: [.debug]
        case .release: [.release]
        case .both: [.debug, .release]
        }
    }
}
