// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "capcheck",
    products: [
        .executable(name: "capcheck", targets: ["capcheck"]),
        .library(name: "CapCheckCore", targets: ["CapCheckCore"]),
        .plugin(name: "CapCheckPlugin", targets: ["CapCheckPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The parser only (SwiftParser + SwiftSyntax): escape hatches and inactive `#if` code in Swift sources.
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    ],
    targets: [
        .target(name: "CIndexStore"),
        .target(name: "CLibClang"),
        .target(name: "CProcessControl"),
        .target(
            name: "CapCheckCore",
            dependencies: [
                "CIndexStore", "CLibClang", "CProcessControl",
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
            ],
            resources: [.copy("Catalog/Resources")]
        ),
        .executableTarget(
            name: "capcheck",
            dependencies: [
                "CapCheckCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(
            name: "CapCheckPlugin",
            capability: .command(
                intent: .custom(verb: "capcheck", description: "Check what authority each dependency can reach (capcheck check; also audit, explain, init)."),
                permissions: []),
            dependencies: ["capcheck"]
        ),
        .testTarget(
            name: "CapCheckCoreTests",
            dependencies: ["CapCheckCore"],
            exclude: []
        ),
    ]
)
