import Foundation
import PackagePlugin

/// Has the build write `GeneratedConfig.swift`, whose `secret()` reads an environment variable, into the target that
/// uses the plugin; and `Elsewhere.swift`, whose `probe()` looks at a file, into the same target from a folder outside
/// SwiftPM's plugin outputs (a plugin names its outputs' paths: the thirtieth sweep's passed as the root's own code).
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
        let elsewhere = context.pluginWorkDirectoryURL.appendingPathComponent("../../../../../../gen-elsewhere/Elsewhere.swift").standardizedFileURL
        let probe = """
            import Foundation

            public enum GeneratedElsewhere {
                public static func probe() -> Bool { FileManager.default.isExecutableFile(atPath: "/bin/sh") }
            }
            """
        return [.buildCommand(displayName: "Generating GeneratedConfig.swift", executable: URL(fileURLWithPath: "/bin/sh"),
                              arguments: ["-c", "cat > \"$0\" <<'EOF'\n\(source)\nEOF", output.path], inputFiles: [],
                              outputFiles: [output]),
                .buildCommand(displayName: "Generating Elsewhere.swift", executable: URL(fileURLWithPath: "/bin/sh"),
                              arguments: ["-c", "mkdir -p \"$(dirname \"$0\")\" && cat > \"$0\" <<'EOF'\n\(probe)\nEOF", elsewhere.path],
                              inputFiles: [], outputFiles: [elsewhere])]
    }
}
