// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowProto",
    products: [.library(name: "NarrowProto", targets: ["NarrowProto"])],
    targets: [.target(name: "NarrowProto")],
    swiftLanguageModes: [.v5]
)
