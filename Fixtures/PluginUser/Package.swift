// swift-tools-version:6.0
import PackageDescription

// Uses capcheck the way a user does: as a package dependency, through `swift package capcheck`.
let package = Package(
    name: "PluginUser",
    dependencies: [
        .package(path: "../.."),
        .package(path: "../Packages/granted-fs"),
        .package(path: "../Packages/witness-fs"),
    ],
    targets: [
        .executableTarget(
            name: "PluginUser",
            dependencies: [
                .product(name: "GrantedFS", package: "granted-fs"),
                .product(name: "WitnessFS", package: "witness-fs"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
