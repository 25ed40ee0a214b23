// swift-tools-version:6.0
import PackageDescription

// capcheck's build-time fixture: dependencies whose code runs while the package builds (a build-tool plugin
// and a macro), next to plugins that are only declared. `capcheck check` refuses to build it under its policy.
let package = Package(
    name: "BuildTimeApp",
    dependencies: [
        .package(path: "../Packages/probe-plugin"),
        .package(path: "../Packages/stringify-macro"),
    ],
    targets: [
        .executableTarget(
            name: "BuildTimeApp",
            dependencies: [
                .product(name: "Probed", package: "probe-plugin"),
                .product(name: "Stringify", package: "stringify-macro"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
