import CapCheckSupport
import ArgumentParser
import CapCheckPluginSupport
import Foundation

/// `capcheck plugin-plan`: what the command plugin should do for its arguments (the user's, after `--`), as the JSON
/// of a `PluginPlan` on standard output; a refusal is `error: …` on standard error and exit 2. The plugin cannot link
/// the library that decides it (see `PluginPlan`), so it asks the tool it depends on. Hidden: for the plugin only.
struct PluginPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin-plan",
        abstract: "Print the command plugin's plan for its arguments (given after --) as JSON.",
        shouldDisplay: false)

    @Option(help: "The root package's folder (the plugin's context.package.directoryURL).")
    var packagePath: String

    @Option(help: "The package's display name, for messages.")
    var packageName: String

    @Option(help: "The plugin's work folder (context.pluginWorkDirectoryURL): <scratch>/plugins/<plugin>/outputs.")
    var pluginWorkDirectory: String

    @Argument(parsing: .postTerminator, help: "The arguments of `swift package capcheck`.")
    var arguments: [String] = []

    func run() throws {
        let planner = PluginPlanner(context: .init(packagePath: packagePath, packageName: packageName, pluginWorkDirectory: pluginWorkDirectory))
        do {
            print(try planner.plan(arguments: arguments).json())
        } catch let refusal as PluginRefusal {
            StandardStream.error.write("error: \(refusal.message)\n")
            throw ExitCode(2)
        }
    }
}
