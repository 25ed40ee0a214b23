// swift-tools-version:6.0
import PackageDescription

// capcheck's build-time fixture: a build-tool plugin that a target of the build uses (it runs at every build),
// a command plugin (it runs only when invoked with `swift package probe`) and a build-tool plugin only a target
// outside the build uses (nothing depends on `Orphan`, so neither is built nor run).
let package = Package(
    name: "ProbePlugin",
    products: [
        .library(name: "Probed", targets: ["Probed"]),
        .plugin(name: "ProbeCommand", targets: ["ProbeCommand"]),
    ],
    targets: [
        .plugin(name: "ProbePlugin", capability: .buildTool()),
        .plugin(name: "IdlePlugin", capability: .buildTool()),
        .plugin(
            name: "ProbeCommand",
            capability: .command(intent: .custom(verb: "probe", description: "Does nothing; capcheck's fixture."), permissions: [])),
        .target(name: "Probed", plugins: ["ProbePlugin"]),
        .target(name: "Orphan", plugins: ["IdlePlugin"]),
    ],
    swiftLanguageModes: [.v5]
)
