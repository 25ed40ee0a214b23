// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Compressor",
    products: [.library(name: "Compressor", targets: ["Compressor"])],
    targets: [.target(name: "Compressor")],
    swiftLanguageModes: [.v5]
)
