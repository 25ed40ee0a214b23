// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LatentFS",
    products: [.library(name: "LatentFS", targets: ["LatentFS"])],
    targets: [.target(name: "LatentFS")],
    swiftLanguageModes: [.v5]
)
