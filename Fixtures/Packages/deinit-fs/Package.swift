// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DeinitFS",
    products: [.library(name: "DeinitFS", targets: ["DeinitFS"])],
    targets: [.target(name: "DeinitFS")],
    swiftLanguageModes: [.v5]
)
