// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ConditionalDefault",
    products: [.library(name: "ConditionalDefault", targets: ["ConditionalDefault"])],
    dependencies: [.package(path: "../service-core")],
    targets: [.target(name: "ConditionalDefault", dependencies: [.product(name: "ServiceCore", package: "service-core")])],
    swiftLanguageModes: [.v5]
)
