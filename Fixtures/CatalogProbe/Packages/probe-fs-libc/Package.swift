// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeFSLibc",
    products: [.library(name: "ProbeFSLibc", targets: ["ProbeFSLibc"])],
    targets: [.target(name: "ProbeFSLibc")],
    swiftLanguageModes: [.v5]
)
