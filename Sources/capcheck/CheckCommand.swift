import CapCheckSupport
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

    @Flag(help: "Also fail (exit 1) on unused grants and on code capcheck could not analyse.")
    var strict = false

    @Flag(help: "Only check the plugins and macros the build would run against their `build` grants, without building (exit 1 when one lacks it). The command plugin runs this before it builds.")
    var buildTimeOnly = false

    func validate() throws {
        if common.allowBuildTimeCode {
            throw ValidationError("check never builds plugins or macros without their `build` grant: grant `build` in the policy")
        }
    }

    func run() throws {
        var violations = 0
        try runReportingErrors {
            let report = try common.analyze(.check) { options in
                options.policyPath = policy.map { URL(fileURLWithPath: $0) }
                options.buildTimeOnly = buildTimeOnly
                options.warnAboutUnboundGrants = strict
            }
            try common.emit(report, mode: .check)
            violations = report.violations.count
            let unacknowledged = report.unanalyzed.filter { $0.acknowledged != true }.count
            if strict, !buildTimeOnly, !report.unusedGrants.isEmpty || unacknowledged > 0 {
                StandardStream.error.write(Wording.strictFailure(report) + "\n")
                violations += report.unusedGrants.count + unacknowledged
            }
        }
        if violations > 0 { throw ExitCode(1) }
    }
}
