import ArgumentParser
import CapCheckCore
import Foundation

/// `capcheck check`: fails (exit 1) when a dependency reaches a capability its grant lacks.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the package's dependencies against its capabilities.json.",
        discussion: "Exit status: 0 no violations, 1 violations, 2 usage, configuration, build or tool error.")

    @OptionGroup var common: CommonOptions

    @Option(help: "The policy file (default: <package-path>/capabilities.json).")
    var policy: String?

    func run() throws {
        var violations = 0
        try runReportingErrors {
            let report = try common.analyze(usePolicy: true) { options in
                options.policyPath = policy.map { URL(fileURLWithPath: $0) }
            }
            try common.emit(report, mode: .check)
            violations = report.violations.count
        }
        if violations > 0 { throw ExitCode(1) }
    }
}
