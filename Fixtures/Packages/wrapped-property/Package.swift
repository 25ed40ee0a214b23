// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "WrappedProperty",
    products: [.library(name: "WrappedProperty", targets: ["WrappedProperty"])],
    targets: [.target(name: "WrappedProperty")],
    swiftLanguageModes: [.v5]
)
