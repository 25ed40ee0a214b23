// swift-tools-version:6.0
import PackageDescription

// Uses capcheck the way a user does: as a package dependency, through `swift package capcheck`. Probed's
// build runs ProbePlugin (build-time code): the plugin must refuse to build unless probe-plugin holds `build`.
let package = Package(
    name: "PluginUser",
    dependencies: [
        .package(path: "../.."),
        .package(path: "../Packages/granted-fs"),
        .package(path: "../Packages/witness-fs"),
        .package(path: "../Packages/probe-plugin"),
    ],
    targets: [
        .executableTarget(
            name: "PluginUser",
            dependencies: [
                .product(name: "GrantedFS", package: "granted-fs"),
                .product(name: "WitnessFS", package: "witness-fs"),
                .product(name: "Probed", package: "probe-plugin"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
