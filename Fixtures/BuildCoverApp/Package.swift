// swift-tools-version:6.1
import PackageDescription

// capcheck's fixture for which targets a build covers beyond the root's dependency closure: the products of every
// package (`unused-product`), what a plugin's tool and a macro depend on (`tool-host`), and what a trait the graph
// enables adds (`trait-gated`). BuildCoverTests decide its build-time code with `check --build-time-only`; it is
// never built.
let package = Package(
    name: "BuildCoverApp",
    dependencies: [
        .package(path: "../Packages/unused-product"),
        .package(path: "../Packages/tool-host"),
        .package(path: "../Packages/trait-gated", traits: ["Fast"]),
    ],
    targets: [
        .executableTarget(name: "BuildCoverApp", dependencies: [
            .product(name: "UsedLib", package: "unused-product"), .product(name: "HostLib", package: "tool-host"),
            .product(name: "GatedLib", package: "trait-gated"),
        ]),
    ]
)
