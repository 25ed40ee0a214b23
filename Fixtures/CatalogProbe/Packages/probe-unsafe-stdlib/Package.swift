// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeUnsafeStdlib",
    products: [.library(name: "ProbeUnsafeStdlib", targets: ["ProbeUnsafeStdlib"])],
    targets: [.target(name: "ProbeUnsafeStdlib")],
    swiftLanguageModes: [.v5]
)
