import ArgumentParser
import CapCheckCore

/// `capcheck audit`: what every package reaches and could reach, with one example path each. No policy needed.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report every package's reached and latent capabilities, with one example path each.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        try runReportingErrors {
            let report = try common.analyze(usePolicy: false)
            try common.emit(report, mode: .audit)
        }
    }
}
