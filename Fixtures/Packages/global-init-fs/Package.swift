// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GlobalInitFS",
    products: [.library(name: "GlobalInitFS", targets: ["GlobalInitFS"])],
    targets: [.target(name: "GlobalInitFS")],
    swiftLanguageModes: [.v5]
)
