// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReleasePayload",
    products: [.library(name: "ReleasePayload", targets: ["ReleasePayload"])],
    targets: [.target(name: "ReleasePayload")],
    swiftLanguageModes: [.v5]
)
