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
        .package(url: "https://github.com/swiftlang/swift-syntax", "600.0.0"..<"605.0.0"),
    ],
    targets: [
        .target(name: "CIndexStore"),
        .target(name: "CLibClang"),
        .target(name: "CProcessControl"),
        .target(name: "CPreprocessedScan"),
        .target(name: "CSHA256"),
        // The stages, each depending only on those listed before it (docs/semantics.md, README "Layout").
        .target(name: "CapCheckSupport", dependencies: ["CProcessControl", "CSHA256"]),
        .target(name: "CapCheckModel", dependencies: ["CapCheckSupport"]),
        .target(name: "CapCheckIndexStore", dependencies: ["CapCheckSupport", "CapCheckModel", "CIndexStore"]),
        .target(name: "CapCheckPackageGraph", dependencies: ["CapCheckSupport", "CapCheckModel"]),
        .target(name: "CapCheckBuild", dependencies: ["CapCheckSupport", "CapCheckModel"]),
        .target(name: "CapCheckCatalog", dependencies: ["CapCheckSupport", "CapCheckModel"], resources: [.copy("Resources")]),
        .target(name: "CapCheckPolicy", dependencies: ["CapCheckSupport", "CapCheckModel", "CapCheckCatalog"]),
        .target(name: "CapCheckGraph", dependencies: ["CapCheckSupport", "CapCheckModel", "CapCheckIndexStore", "CapCheckPackageGraph"]),
        .target(name: "CapCheckNativeCode", dependencies: [
            "CapCheckSupport", "CapCheckModel", "CapCheckIndexStore", "CapCheckPackageGraph", "CapCheckCatalog", "CapCheckGraph",
            "CLibClang", "CPreprocessedScan",
        ]),
        .target(name: "CapCheckSwiftSource", dependencies: [
            "CapCheckSupport", "CapCheckModel", "CapCheckIndexStore", "CapCheckPackageGraph", "CapCheckCatalog",
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftSyntax", package: "swift-syntax"),
        ]),
        // The value analysis for narrowed grants: what a sink's path, variable, program or host argument can be.
        .target(name: "CapCheckValues", dependencies: [
            "CapCheckSupport", "CapCheckModel", "CapCheckSwiftSource",
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftSyntax", package: "swift-syntax"),
        ]),
        .target(name: "CapCheckBuildTime", dependencies: ["CapCheckSupport", "CapCheckModel", "CapCheckPackageGraph"]),
        .target(name: "CapCheckChecker", dependencies: [
            "CapCheckSupport", "CapCheckModel", "CapCheckPackageGraph", "CapCheckCatalog", "CapCheckPolicy", "CapCheckValues",
        ]),
        .target(name: "CapCheckReporters", dependencies: ["CapCheckSupport", "CapCheckModel"]),
        // The pipeline over all stages, plus `diff` and `init`: what the CLI and the tests use.
        .target(name: "CapCheckCore", dependencies: [
            "CapCheckSupport", "CapCheckModel", "CapCheckIndexStore", "CapCheckPackageGraph", "CapCheckBuild", "CapCheckCatalog",
            "CapCheckPolicy", "CapCheckGraph", "CapCheckNativeCode", "CapCheckSwiftSource", "CapCheckValues", "CapCheckBuildTime", "CapCheckChecker",
            "CapCheckReporters",
        ]),
        // The command plugin's decisions (arguments, refusals, the steps it runs), with no dependency on PackagePlugin:
        // a plugin may depend only on executables, so the plugin asks `capcheck plugin-plan` (see PluginPlan.swift).
        .target(name: "CapCheckPluginSupport"),
        .executableTarget(
            name: "capcheck",
            dependencies: [
                "CapCheckCore",
                "CapCheckPluginSupport",
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
            dependencies: ["CapCheckCore", "CapCheckPluginSupport"],
            exclude: ["Reporters/Golden"]
        ),
    ]
)
