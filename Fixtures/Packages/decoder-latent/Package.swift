// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DecoderLatent",
    products: [.library(name: "DecoderLatent", targets: ["DecoderLatent"])],
    targets: [.target(name: "DecoderLatent")],
    swiftLanguageModes: [.v5]
)
