// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowExec",
    products: [.library(name: "NarrowExec", targets: ["NarrowExec"])],
    dependencies: [],
    targets: [.target(name: "NarrowExec", dependencies: [])],
    swiftLanguageModes: [.v5]
)
