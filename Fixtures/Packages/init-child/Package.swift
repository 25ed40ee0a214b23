// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "InitChild",
    products: [.library(name: "InitChild", targets: ["InitChild"])],
    targets: [.target(name: "InitChild")],
    swiftLanguageModes: [.v5]
)
