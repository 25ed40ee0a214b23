import ArgumentParser

@main
struct CapCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capcheck",
        abstract: "Check what authority each dependency of a Swift package can reach.",
        subcommands: [CheckCommand.self, AuditCommand.self, DumpIndexCommand.self],
        defaultSubcommand: CheckCommand.self)
}
