// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowSumm",
    products: [.library(name: "NarrowSumm", targets: ["NarrowSumm"])],
    dependencies: [.package(path: "../narrow-proto")],
    targets: [.target(name: "NarrowSumm", dependencies: [.product(name: "NarrowProto", package: "narrow-proto")])],
    swiftLanguageModes: [.v5]
)
