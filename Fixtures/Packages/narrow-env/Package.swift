// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowEnv",
    products: [.library(name: "NarrowEnv", targets: ["NarrowEnv"])],
    dependencies: [],
    targets: [.target(name: "NarrowEnv", dependencies: [])],
    swiftLanguageModes: [.v5]
)
