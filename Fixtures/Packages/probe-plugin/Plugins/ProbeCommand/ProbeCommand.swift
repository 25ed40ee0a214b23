import PackagePlugin

/// A command plugin: it runs only when someone invokes `swift package probe`, never during a build.
@main
struct ProbeCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {}
}
