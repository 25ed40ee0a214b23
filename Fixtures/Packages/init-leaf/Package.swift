// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "InitLeaf",
    products: [.library(name: "InitLeaf", targets: ["InitLeaf"])],
    targets: [.target(name: "InitLeaf")],
    swiftLanguageModes: [.v5]
)
