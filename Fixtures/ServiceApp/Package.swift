// swift-tools-version:6.0
import PackageDescription

// Conformers a library runs without naming them (issue 18): default implementations reached through protocol
// inheritance, a superclass and a conditional conformance, through an existential, a generic and a task group;
// and a witness declared in another package than the (retroactive) conformance that makes it one.
let package = Package(
    name: "ServiceApp",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../Packages/service-core"),
        .package(path: "../Packages/refined-default"),
        .package(path: "../Packages/superclass-default"),
        .package(path: "../Packages/conditional-default"),
        .package(path: "../Packages/retroactive-framework"),
    ],
    targets: [
        .executableTarget(
            name: "ServiceApp",
            dependencies: [
                .product(name: "ServiceCore", package: "service-core"),
                .product(name: "RefinedDefault", package: "refined-default"),
                .product(name: "SuperclassDefault", package: "superclass-default"),
                .product(name: "ConditionalDefault", package: "conditional-default"),
                .product(name: "RetroactiveFramework", package: "retroactive-framework"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
