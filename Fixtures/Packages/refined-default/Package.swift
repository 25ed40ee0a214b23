// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RefinedDefault",
    products: [.library(name: "RefinedDefault", targets: ["RefinedDefault"])],
    dependencies: [.package(path: "../service-core")],
    targets: [.target(name: "RefinedDefault", dependencies: [.product(name: "ServiceCore", package: "service-core")])],
    swiftLanguageModes: [.v5]
)
