// swift-tools-version:6.0
import PackageDescription

// A user package whose macro dependency pins swift-syntax to 600.0.1 and which adds capcheck for its command
// plugin: the graph resolves only because capcheck accepts swift-syntax 600.0.0..<605.0.0 (docs/compatibility.md).
let package = Package(
    name: "SyntaxPinnedApp",
    dependencies: [
        .package(path: "../.."),
        .package(path: "../Packages/pinned-syntax-macro"),
    ],
    targets: [
        .executableTarget(name: "SyntaxPinnedApp", dependencies: [.product(name: "Pinned", package: "pinned-syntax-macro")]),
    ],
    swiftLanguageModes: [.v5]
)
