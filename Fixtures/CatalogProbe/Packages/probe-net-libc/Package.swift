// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeNetLibc",
    products: [.library(name: "ProbeNetLibc", targets: ["ProbeNetLibc"])],
    targets: [.target(name: "ProbeNetLibc")],
    swiftLanguageModes: [.v5]
)
