// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeEnvLibc",
    products: [.library(name: "ProbeEnvLibc", targets: ["ProbeEnvLibc"])],
    targets: [.target(name: "ProbeEnvLibc")],
    swiftLanguageModes: [.v5]
)
