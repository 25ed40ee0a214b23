// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowWitness",
    products: [.library(name: "NarrowWitness", targets: ["NarrowWitness"])],
    dependencies: [],
    targets: [.target(name: "NarrowWitness", dependencies: [])],
    swiftLanguageModes: [.v5]
)
