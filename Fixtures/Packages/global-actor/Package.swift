// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "global-actor",
    products: [.library(name: "GlobalActor", targets: ["GlobalActor"])],
    targets: [.target(name: "GlobalActor")],
    swiftLanguageModes: [.v5]
)
