import Foundation
import PackagePlugin

/// `swift package capcheck [subcommand] [options]`: builds the package through SwiftPM (debug, which writes
/// the index store), then runs the `capcheck` tool on that store with `--skip-build`. The exit status is the
/// tool's: 0 no violations, 1 violations, 2 usage, configuration, build or tool error.
@main
struct CapCheckPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let invocation: PluginInvocation
        do {
            invocation = try PluginInvocation(arguments: arguments)
        } catch let error as PluginInvocation.Refusal {
            Diagnostics.error(error.message)
            exit(2)
        }
        if invocation.needsBuild {
            if !invocation.quiet { Diagnostics.progress("capcheck: building \(context.package.displayName) (debug, indexing every target)…") }
            let result = try packageManager.build(
                .all(includingTests: invocation.includeTests),
                parameters: .init(configuration: .debug, logging: .concise))
            guard result.succeeded else {
                FileHandle.standardError.write(Data(result.logText.utf8))
                Diagnostics.error("capcheck: the build of \(context.package.displayName) failed; fix the errors above, then run `swift package capcheck` again")
                exit(2)
            }
        }
        // The plugin's work folder is `<scratch>/plugins/<plugin>/outputs`: the scratch folder is three levels up,
        // also when the user passed `--scratch-path` to `swift package`.
        let scratch = context.pluginWorkDirectoryURL
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tool = try context.tool(named: "capcheck")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = invocation.toolArguments(packagePath: context.package.directoryURL.path, scratchPath: scratch.path)
        var environment = ProcessInfo.processInfo.environment
        environment["CAPCHECK_SWIFTPM_LOCK_HELD"] = "1"
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        exit(process.terminationStatus)
    }
}
