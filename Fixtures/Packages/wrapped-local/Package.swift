// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "WrappedLocal",
    products: [.library(name: "WrappedLocal", targets: ["WrappedLocal"])],
    targets: [.target(name: "WrappedLocal")],
    swiftLanguageModes: [.v5]
)
