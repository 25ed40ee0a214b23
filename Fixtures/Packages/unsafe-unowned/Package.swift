// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "UnsafeUnowned",
    products: [.library(name: "UnsafeUnowned", targets: ["UnsafeUnowned"])],
    targets: [.target(name: "UnsafeUnowned")],
    swiftLanguageModes: [.v5]
)
