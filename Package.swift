// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "capcheck",
    products: [
        .executable(name: "capcheck", targets: ["capcheck"]),
        .library(name: "CapCheckCore", targets: ["CapCheckCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "CIndexStore"),
        .target(name: "CLibClang"),
        .target(
            name: "CapCheckCore",
            dependencies: ["CIndexStore", "CLibClang"],
            resources: [.copy("Catalog/Resources")]
        ),
        .executableTarget(
            name: "capcheck",
            dependencies: [
                "CapCheckCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CapCheckCoreTests",
            dependencies: ["CapCheckCore"],
            exclude: []
        ),
    ]
)
