// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Callback",
    products: [.library(name: "Callback", targets: ["Callback"])],
    targets: [.target(name: "Callback")],
    swiftLanguageModes: [.v5]
)
