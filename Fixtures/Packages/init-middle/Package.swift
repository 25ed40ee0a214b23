// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "InitMiddle",
    products: [.library(name: "InitMiddle", targets: ["InitMiddle"])],
    dependencies: [.package(path: "../init-hub")],
    targets: [.target(name: "InitMiddle", dependencies: [.product(name: "InitHub", package: "init-hub")])],
    swiftLanguageModes: [.v5]
)
