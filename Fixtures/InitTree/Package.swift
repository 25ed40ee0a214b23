// swift-tools-version:6.0
import PackageDescription

// `capcheck init` on this graph must nest init-child under init-parent with nothing, since init-parent holds fs
// but passes none of it on, while the root's direct use of init-child needs fs.
let package = Package(
    name: "InitTree",
    dependencies: [
        .package(path: "../Packages/init-parent"),
        .package(path: "../Packages/init-child"),
        .package(path: "../Packages/c-socket"),
    ],
    targets: [
        .executableTarget(
            name: "InitTree",
            dependencies: [
                .product(name: "InitParent", package: "init-parent"),
                .product(name: "InitChild", package: "init-child"),
                .product(name: "Sock", package: "c-socket"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
