// swift-tools-version:6.0
import PackageDescription

// The configuration you ship (issue 14): release-payload reads a file only in release builds.
let package = Package(
    name: "ConfigApp",
    dependencies: [.package(path: "../Packages/release-payload")],
    targets: [
        .executableTarget(name: "ConfigApp", dependencies: [.product(name: "ReleasePayload", package: "release-payload")]),
    ],
    swiftLanguageModes: [.v5]
)
