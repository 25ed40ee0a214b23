// swift-tools-version:6.1
import PackageDescription

// capcheck's build-time fixture: a dependency only a trait enables (`Fast`, enabled by BuildCoverApp, not a default)
// brings a build-tool plugin into the build; `describe` in this folder alone sees the default traits and not the
// dependency (an evasion sweep's F2).
let package = Package(
    name: "trait-gated",
    products: [.library(name: "GatedLib", targets: ["GatedLib"])],
    traits: ["Fast"],
    targets: [
        .plugin(name: "GatedPlugin", capability: .buildTool()),
        .target(name: "GatedGen", plugins: ["GatedPlugin"]),
        .target(name: "GatedLib", dependencies: [.target(name: "GatedGen", condition: .when(traits: ["Fast"]))]),
    ]
)
