import PackagePlugin

/// Used by `HostLib`; runs `HostTool`.
@main
struct HostPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] { [] }
}
