// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ClosureFS",
    products: [.library(name: "ClosureFS", targets: ["ClosureFS"])],
    targets: [.target(name: "ClosureFS")],
    swiftLanguageModes: [.v5]
)
