// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeURLLoader",
    products: [.library(name: "ProbeURLLoader", targets: ["ProbeURLLoader"])],
    targets: [.target(name: "ProbeURLLoader")],
    swiftLanguageModes: [.v5]
)
