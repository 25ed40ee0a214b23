import ArgumentParser
import CapCheckCore
import Foundation

/// `capcheck audit`: what every package reaches and could reach, with one example path each. No policy needed.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report every package's reached and latent capabilities, with one example path each.")

    @OptionGroup var common: CommonOptions

    @Option(help: "The policy whose `build` grants let plugins and macros run during the build (default: <package-path>/capabilities.json, when there is one). The report itself ignores policies.")
    var policy: String?

    @Flag(help: "Also resolve the value every fs, env, exec and net sink is used with (files, variables, programs, hosts), per package: `reachedValues` in JSON, listed in text. What `init` narrows grants from.")
    var values = false

    @Flag(help: "Only check the plugins and macros the build would run against the `build` grants of capabilities.json (when there is one), without building: exit 2 when one lacks it. The command plugin runs this before it builds for audit, explain and init.")
    var buildTimeOnly = false

    func run() throws {
        try runReportingErrors {
            let report = try common.analyze(.audit) { options in
                options.policyPath = policy.map { URL(fileURLWithPath: $0) }
                options.buildTimeOnly = buildTimeOnly
                options.collectValues = values
            }
            try common.emit(report, mode: .audit)
        }
    }
}
