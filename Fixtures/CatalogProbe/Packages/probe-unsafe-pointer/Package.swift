// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeUnsafePointer",
    products: [.library(name: "ProbeUnsafePointer", targets: ["ProbeUnsafePointer"])],
    targets: [.target(name: "ProbeUnsafePointer")],
    swiftLanguageModes: [.v5]
)
