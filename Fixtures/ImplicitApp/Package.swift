// swift-tools-version:6.0
import PackageDescription

// Code Swift runs without a call expression that names it: property wrappers on a property and on a local variable,
// and a @dynamicCallable value (docs/semantics.md, "Implicit calls").
let package = Package(
    name: "ImplicitApp",
    dependencies: [
        .package(path: "../Packages/wrapped-property"),
        .package(path: "../Packages/wrapped-local"),
        .package(path: "../Packages/dynamic-callable"),
    ],
    targets: [
        .executableTarget(name: "ImplicitApp", dependencies: [
            .product(name: "WrappedProperty", package: "wrapped-property"),
            .product(name: "WrappedLocal", package: "wrapped-local"),
            .product(name: "DynamicCallable", package: "dynamic-callable"),
        ]),
    ],
    swiftLanguageModes: [.v5]
)
