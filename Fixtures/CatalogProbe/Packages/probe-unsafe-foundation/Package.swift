// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeUnsafeFoundation",
    products: [.library(name: "ProbeUnsafeFoundation", targets: ["ProbeUnsafeFoundation"])],
    targets: [.target(name: "ProbeUnsafeFoundation")],
    swiftLanguageModes: [.v5]
)
