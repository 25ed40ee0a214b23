// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CdeclHook",
    products: [.library(name: "CdeclHook", targets: ["CdeclHook"])],
    targets: [.target(name: "CdeclHook")],
    swiftLanguageModes: [.v5]
)
