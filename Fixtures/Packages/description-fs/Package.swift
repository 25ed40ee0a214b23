// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DescriptionFS",
    products: [.library(name: "DescriptionFS", targets: ["DescriptionFS"])],
    targets: [.target(name: "DescriptionFS")],
    swiftLanguageModes: [.v5]
)
