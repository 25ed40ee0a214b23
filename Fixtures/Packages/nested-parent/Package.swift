// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NestedParent",
    products: [.library(name: "NestedParent", targets: ["NestedParent"])],
    dependencies: [.package(path: "../nested-child")],
    targets: [
        .target(name: "NestedParent", dependencies: [.product(name: "NestedChild", package: "nested-child")]),
    ],
    swiftLanguageModes: [.v5]
)
