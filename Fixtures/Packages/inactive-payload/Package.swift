// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "InactivePayload",
    products: [.library(name: "InactivePayload", targets: ["InactivePayload"])],
    targets: [.target(name: "InactivePayload")],
    swiftLanguageModes: [.v5]
)
