import PackagePlugin

/// Used by `MacroSupport`, which `HostMacro` links: runs when the build builds the macro.
@main
struct MacroSupportPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] { [] }
}
