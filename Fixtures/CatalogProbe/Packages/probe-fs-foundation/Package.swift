// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeFSFoundation",
    products: [.library(name: "ProbeFSFoundation", targets: ["ProbeFSFoundation"])],
    targets: [.target(name: "ProbeFSFoundation")],
    swiftLanguageModes: [.v5]
)
