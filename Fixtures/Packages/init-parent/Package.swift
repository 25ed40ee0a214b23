// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "InitParent",
    products: [.library(name: "InitParent", targets: ["InitParent"])],
    dependencies: [.package(path: "../init-child")],
    targets: [.target(name: "InitParent", dependencies: [.product(name: "InitChild", package: "init-child")])],
    swiftLanguageModes: [.v5]
)
