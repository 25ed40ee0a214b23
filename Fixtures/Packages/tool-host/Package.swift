// swift-tools-version:6.0
import CompilerPluginSupport
import PackageDescription

// capcheck's build-time fixture: what a plugin's tool and a macro depend on is built for the host, and the
// build-tool plugins of those targets run (an evasion sweep's F1), though neither `ToolSupport` nor `MacroSupport` is
// in a product or a dependency of one.
let package = Package(
    name: "tool-host",
    products: [.library(name: "HostLib", targets: ["HostLib"])],
    targets: [
        .plugin(name: "HostPlugin", capability: .buildTool(), dependencies: ["HostTool"]),
        .executableTarget(name: "HostTool", dependencies: ["ToolSupport"]),
        .target(name: "ToolSupport", plugins: ["SupportPlugin"]),
        .plugin(name: "SupportPlugin", capability: .buildTool()),
        .macro(name: "HostMacro", dependencies: ["MacroSupport"]),
        .target(name: "MacroSupport", plugins: ["MacroSupportPlugin"]),
        .plugin(name: "MacroSupportPlugin", capability: .buildTool()),
        .target(name: "HostLib", dependencies: ["HostMacro"], plugins: ["HostPlugin"]),
    ]
)
