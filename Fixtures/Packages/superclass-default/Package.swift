// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SuperclassDefault",
    products: [.library(name: "SuperclassDefault", targets: ["SuperclassDefault"])],
    dependencies: [.package(path: "../service-core")],
    targets: [.target(name: "SuperclassDefault", dependencies: [.product(name: "ServiceCore", package: "service-core")])],
    swiftLanguageModes: [.v5]
)
