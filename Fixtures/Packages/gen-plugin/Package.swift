// swift-tools-version:6.0
import PackageDescription

// A build-tool plugin that writes Swift code into the target that uses it: SwiftPM compiles the file into that
// target's module, but the plugin's package wrote it (the ninth sweep's: a plugin granted only `build` made the root
// read the environment, and the root, which holds everything, was blamed).
let package = Package(
    name: "gen-plugin",
    products: [
        .plugin(name: "GenPlugin", targets: ["GenPlugin"]),
        .library(name: "GenSupport", targets: ["GenSupport"]),
    ],
    targets: [
        .plugin(name: "GenPlugin", capability: .buildTool()),
        .target(name: "GenSupport"),
    ],
    swiftLanguageModes: [.v5]
)
