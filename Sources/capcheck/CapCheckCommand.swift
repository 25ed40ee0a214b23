import CapCheckSupport
import ArgumentParser
import CapCheckCore
import Foundation

struct CapCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capcheck",
        abstract: "Check what authority each dependency of a Swift package can reach.",
        discussion: "Exit status: 0 no violations, 1 violations, 2 usage, configuration, build or tool error.",
        version: CapCheckVersion.current,
        subcommands: [CheckCommand.self, AuditCommand.self, ExplainCommand.self, InitCommand.self, DiffCommand.self,
                      DumpIndexCommand.self, ScanIndexCommand.self, GenerateCatalogCommand.self, PluginPlanCommand.self],
        defaultSubcommand: CheckCommand.self)
}

/// Runs the CLI with capcheck's exit codes: argument errors are usage errors (2), not ArgumentParser's 64;
/// SIGINT and SIGTERM stop what capcheck started and exit 130 and 143 (`Interrupts`).
@main
enum Main {
    static func main() {
        Interrupts.install()
        do {
            var command = try CapCheckCommand.parseAsRoot()
            try command.run()
        } catch {
            if CapCheckCommand.exitCode(for: error) == .validationFailure {
                StandardStream.error.write(CapCheckCommand.fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            CapCheckCommand.exit(withError: error)
        }
    }
}
