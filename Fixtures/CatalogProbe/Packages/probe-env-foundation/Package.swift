// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeEnvFoundation",
    products: [.library(name: "ProbeEnvFoundation", targets: ["ProbeEnvFoundation"])],
    targets: [.target(name: "ProbeEnvFoundation")],
    swiftLanguageModes: [.v5]
)
