// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeNetFoundation",
    products: [.library(name: "ProbeNetFoundation", targets: ["ProbeNetFoundation"])],
    targets: [.target(name: "ProbeNetFoundation")],
    swiftLanguageModes: [.v5]
)
