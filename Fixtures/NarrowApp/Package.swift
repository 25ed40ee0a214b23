// swift-tools-version:6.0
import PackageDescription

// Grants narrowed by value (issue 12): each dependency does one thing with a file, variable or program, and the
// policy narrows its grant to paths, names, programs or `@caller`.
let package = Package(
    name: "NarrowApp",
    dependencies: [
        .package(path: "../Packages/narrow-files"),
        .package(path: "../Packages/narrow-tls"),
        .package(path: "../Packages/narrow-store"),
        .package(path: "../Packages/narrow-summ"),
        .package(path: "../Packages/narrow-modules"),
        .package(path: "../Packages/narrow-sneaky"),
        .package(path: "../Packages/narrow-env"),
        .package(path: "../Packages/narrow-exec"),
        .package(path: "../Packages/narrow-witness"),
        .package(path: "../Packages/narrow-c"),
        .package(path: "../Packages/narrow-sweep"),
        .package(path: "../Packages/narrow-lookalike"),
        .package(path: "../Packages/narrow-members"),
    ],
    targets: [
        .executableTarget(
            name: "NarrowApp",
            dependencies: [
                .product(name: "NarrowFiles", package: "narrow-files"),
                .product(name: "NarrowTLS", package: "narrow-tls"),
                .product(name: "NarrowStore", package: "narrow-store"),
                .product(name: "NarrowSumm", package: "narrow-summ"),
                .product(name: "NarrowModA", package: "narrow-modules"),
                .product(name: "NarrowSneaky", package: "narrow-sneaky"),
                .product(name: "NarrowEnv", package: "narrow-env"),
                .product(name: "NarrowExec", package: "narrow-exec"),
                .product(name: "NarrowWitness", package: "narrow-witness"),
                .product(name: "NarrowC", package: "narrow-c"),
                .product(name: "NarrowSweep", package: "narrow-sweep"),
                .product(name: "NarrowLookalike", package: "narrow-lookalike"),
                .product(name: "NarrowMembers", package: "narrow-members"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
