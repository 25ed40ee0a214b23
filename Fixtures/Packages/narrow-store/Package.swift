// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowStore",
    products: [.library(name: "NarrowStore", targets: ["NarrowStore"])],
    dependencies: [],
    targets: [.target(name: "NarrowStore", dependencies: [])],
    swiftLanguageModes: [.v5]
)
