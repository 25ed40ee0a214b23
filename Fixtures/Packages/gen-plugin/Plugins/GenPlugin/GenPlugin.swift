import Foundation
import PackagePlugin

/// Has the build write `GeneratedConfig.swift`, whose `secret()` reads an environment variable, into the target that
/// uses the plugin.
@main
struct GenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedConfig.swift")
        let source = """
            import Foundation

            public enum GeneratedConfig {
                public static func secret() -> String? { ProcessInfo.processInfo.environment["CAPCHECK_GENERATED_SECRET"] }
            }
            """
        return [.buildCommand(displayName: "Generating GeneratedConfig.swift", executable: URL(fileURLWithPath: "/bin/sh"),
                              arguments: ["-c", "cat > \"$0\" <<'EOF'\n\(source)\nEOF", output.path], inputFiles: [],
                              outputFiles: [output])]
    }
}
