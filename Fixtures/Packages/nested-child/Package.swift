// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NestedChild",
    products: [.library(name: "NestedChild", targets: ["NestedChild"])],
    targets: [.target(name: "NestedChild")],
    swiftLanguageModes: [.v5]
)
