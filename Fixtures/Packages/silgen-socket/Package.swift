// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SilgenSocket",
    products: [.library(name: "SilgenSocket", targets: ["SilgenSocket"])],
    targets: [.target(name: "SilgenSocket")],
    swiftLanguageModes: [.v5]
)
