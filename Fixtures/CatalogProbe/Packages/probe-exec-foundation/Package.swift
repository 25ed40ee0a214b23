// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeExecFoundation",
    products: [.library(name: "ProbeExecFoundation", targets: ["ProbeExecFoundation"])],
    targets: [.target(name: "ProbeExecFoundation")],
    swiftLanguageModes: [.v5]
)
