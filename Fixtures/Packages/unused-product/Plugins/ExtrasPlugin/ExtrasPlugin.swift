import PackagePlugin

/// Used by `Extras`, in a product nothing in the graph uses: runs at every build all the same.
@main
struct ExtrasPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] { [] }
}
