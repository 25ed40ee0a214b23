import PackagePlugin

/// Used by `GatedGen`, a dependency of `GatedLib` only with the trait `Fast`: runs when the graph enables it.
@main
struct GatedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] { [] }
}
