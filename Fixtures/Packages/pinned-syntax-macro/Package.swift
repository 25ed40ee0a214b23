// swift-tools-version:6.0
import CompilerPluginSupport
import PackageDescription

// A macro package that pins swift-syntax below capcheck's own development version, as apps and some macro packages
// do: with capcheck as a dependency beside it (Fixtures/SyntaxPinnedApp), the graph must still resolve
// (docs/compatibility.md).
let package = Package(
    name: "PinnedSyntaxMacro",
    products: [.library(name: "Pinned", targets: ["Pinned"])],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "600.0.1"),
    ],
    targets: [
        .macro(
            name: "PinnedMacros",
            dependencies: [
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
            ]
        ),
        .target(name: "Pinned", dependencies: ["PinnedMacros"]),
    ],
    swiftLanguageModes: [.v5]
)
