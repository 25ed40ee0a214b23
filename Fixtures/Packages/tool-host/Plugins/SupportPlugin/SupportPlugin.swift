import PackagePlugin

/// Used by `ToolSupport`, which `HostTool` links: runs when the build builds the tool.
@main
struct SupportPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] { [] }
}
