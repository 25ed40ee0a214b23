// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AsyncLines",
    products: [.library(name: "AsyncLines", targets: ["AsyncLines"])],
    targets: [.target(name: "AsyncLines")],
    swiftLanguageModes: [.v5]
)
