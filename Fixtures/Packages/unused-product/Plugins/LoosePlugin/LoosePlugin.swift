import PackagePlugin

/// Used by a target in no product and a test target only: never run by a build of another package.
@main
struct LoosePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] { [] }
}
