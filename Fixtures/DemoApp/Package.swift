// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DemoApp",
    dependencies: [
        .package(path: "../Packages/witness-fs"),
        .package(path: "../Packages/closure-fs"),
        .package(path: "../Packages/global-init-fs"),
        .package(path: "../Packages/deinit-fs"),
        .package(path: "../Packages/description-fs"),
        .package(path: "../Packages/c-socket"),
        .package(path: "../Packages/latent-fs"),
        .package(path: "../Packages/callback"),
        .package(path: "../Packages/granted-fs"),
        .package(path: "../Packages/nested-parent"),
        .package(path: "../Packages/inherited-main"),
        .package(path: "../Packages/decoder-latent"),
    ],
    targets: [
        .executableTarget(
            name: "DemoApp",
            dependencies: [
                .product(name: "WitnessFS", package: "witness-fs"),
                .product(name: "ClosureFS", package: "closure-fs"),
                .product(name: "GlobalInitFS", package: "global-init-fs"),
                .product(name: "DeinitFS", package: "deinit-fs"),
                .product(name: "DescriptionFS", package: "description-fs"),
                .product(name: "Sock", package: "c-socket"),
                .product(name: "LatentFS", package: "latent-fs"),
                .product(name: "Callback", package: "callback"),
                .product(name: "GrantedFS", package: "granted-fs"),
                .product(name: "NestedParent", package: "nested-parent"),
                .product(name: "DecoderLatent", package: "decoder-latent"),
            ]
        ),
        .executableTarget(
            name: "DemoTool",
            dependencies: [.product(name: "InheritedMain", package: "inherited-main")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
