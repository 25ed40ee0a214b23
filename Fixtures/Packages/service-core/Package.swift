// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ServiceCore",
    products: [.library(name: "ServiceCore", targets: ["ServiceCore"])],
    dependencies: [],
    targets: [.target(name: "ServiceCore")],
    swiftLanguageModes: [.v5]
)
