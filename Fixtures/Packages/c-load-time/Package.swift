// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LoadTime",
    products: [
        .library(name: "LoadTime", targets: ["LoadTime"]),
        .executable(name: "unbuilt-tool", targets: ["UnbuiltTool"]),
    ],
    targets: [
        .target(name: "CLoadTime"),
        .target(name: "LoadTime", dependencies: ["CLoadTime"]),
        // An executable NativeApp does not use: SwiftPM's build manifest lists its targets (`swift run` could
        // build it), but NativeApp's build never compiles them, so this constructor is not part of the program.
        .target(name: "CUnbuiltLoadTime"),
        .executableTarget(name: "UnbuiltTool", dependencies: ["CUnbuiltLoadTime"]),
    ],
    swiftLanguageModes: [.v5]
)
