// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DynamicCallable",
    products: [.library(name: "DynamicCallable", targets: ["DynamicCallable"])],
    targets: [.target(name: "DynamicCallable")],
    swiftLanguageModes: [.v5]
)
