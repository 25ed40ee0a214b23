// swift-tools-version:6.0
import PackageDescription

// `capcheck init` on this graph must nest init-child under init-parent with nothing, since init-parent holds fs
// but passes none of it on, while the root's direct use of init-child needs fs. And it must not let a nested grant
// made for one path (init-leaf under init-hub, reached from init-middle, needs nothing) take away what another path
// through the same parent needs (the root's hubRead() reaches init-leaf's file read through init-hub).
let package = Package(
    name: "InitTree",
    dependencies: [
        .package(path: "../Packages/init-parent"),
        .package(path: "../Packages/init-child"),
        .package(path: "../Packages/c-socket"),
        .package(path: "../Packages/init-hub"),
        .package(path: "../Packages/init-middle"),
    ],
    targets: [
        .executableTarget(
            name: "InitTree",
            dependencies: [
                .product(name: "InitParent", package: "init-parent"),
                .product(name: "InitChild", package: "init-child"),
                .product(name: "Sock", package: "c-socket"),
                .product(name: "InitHub", package: "init-hub"),
                .product(name: "InitMiddle", package: "init-middle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
