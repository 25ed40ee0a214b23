// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowTLS",
    products: [.library(name: "NarrowTLS", targets: ["NarrowTLS"])],
    dependencies: [.package(path: "../narrow-files")],
    targets: [.target(name: "NarrowTLS", dependencies: [.product(name: "NarrowFiles", package: "narrow-files")])],
    swiftLanguageModes: [.v5]
)
