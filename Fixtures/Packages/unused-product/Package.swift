// swift-tools-version:6.0
import PackageDescription

// capcheck's build-time fixture: SwiftPM 6.3 plans every library and executable product of every package of the
// graph, used or not, and runs the build-tool plugins of their targets (an evasion sweep's F4: a plugin on a product
// no target uses ran at every build). A target in no product, and a test target, do not run theirs.
let package = Package(
    name: "unused-product",
    products: [
        .library(name: "UsedLib", targets: ["UsedLib"]),
        .library(name: "Extras", targets: ["Extras"]),
    ],
    targets: [
        .plugin(name: "ExtrasPlugin", capability: .buildTool()),
        .plugin(name: "LoosePlugin", capability: .buildTool()),
        .target(name: "UsedLib"),
        .target(name: "Extras", plugins: ["ExtrasPlugin"]),
        .target(name: "Loose", plugins: ["LoosePlugin"]),
        .testTarget(name: "ExtrasTests", dependencies: ["Loose"], plugins: ["LoosePlugin"]),
    ]
)
