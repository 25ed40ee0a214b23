// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowFiles",
    products: [.library(name: "NarrowFiles", targets: ["NarrowFiles"])],
    dependencies: [],
    targets: [.target(name: "NarrowFiles", dependencies: [])],
    swiftLanguageModes: [.v5]
)
