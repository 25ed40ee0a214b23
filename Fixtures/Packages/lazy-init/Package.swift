// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LazyInit",
    products: [.library(name: "LazyInit", targets: ["LazyInit"])],
    targets: [.target(name: "LazyInit")],
    swiftLanguageModes: [.v5]
)
