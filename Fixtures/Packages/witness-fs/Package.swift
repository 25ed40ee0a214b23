// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "WitnessFS",
    products: [.library(name: "WitnessFS", targets: ["WitnessFS"])],
    targets: [.target(name: "WitnessFS")],
    swiftLanguageModes: [.v5]
)
