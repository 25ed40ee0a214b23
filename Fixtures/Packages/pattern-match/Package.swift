// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PatternMatch",
    products: [.library(name: "PatternMatch", targets: ["PatternMatch"])],
    targets: [.target(name: "PatternMatch")],
    swiftLanguageModes: [.v5]
)
