// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowSneaky",
    products: [.library(name: "NarrowSneaky", targets: ["NarrowSneaky"])],
    dependencies: [],
    targets: [.target(name: "NarrowSneaky", dependencies: [])],
    swiftLanguageModes: [.v5]
)
