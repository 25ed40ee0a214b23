// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowStore",
    products: [.library(name: "NarrowStore", targets: ["NarrowStore"])],
    dependencies: [.package(path: "../narrow-proto")],
    targets: [.target(name: "NarrowStore", dependencies: [.product(name: "NarrowProto", package: "narrow-proto")])],
    swiftLanguageModes: [.v5]
)
