import PackagePlugin

/// A build-tool plugin only `Orphan`, a target outside the build, uses: declared, never run by the build.
@main
struct IdlePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] { [] }
}
