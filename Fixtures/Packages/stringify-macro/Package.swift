// swift-tools-version:6.0
import CompilerPluginSupport
import PackageDescription

// capcheck's macro fixture: a macro target (it runs inside the compiler while the build expands `#stringify`)
// behind a library target that depends on it.
let package = Package(
    name: "StringifyMacro",
    products: [.library(name: "Stringify", targets: ["Stringify"])],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    ],
    targets: [
        .macro(
            name: "StringifyMacros",
            dependencies: [
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
            ]
        ),
        .target(name: "Stringify", dependencies: ["StringifyMacros"]),
    ],
    swiftLanguageModes: [.v5]
)
