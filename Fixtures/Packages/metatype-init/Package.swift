// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MetatypeInit",
    products: [.library(name: "MetatypeInit", targets: ["MetatypeInit"])],
    targets: [.target(name: "MetatypeInit")],
    swiftLanguageModes: [.v5]
)
