// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "InitHub",
    products: [.library(name: "InitHub", targets: ["InitHub"])],
    dependencies: [.package(path: "../init-leaf")],
    targets: [.target(name: "InitHub", dependencies: [.product(name: "InitLeaf", package: "init-leaf")])],
    swiftLanguageModes: [.v5]
)
