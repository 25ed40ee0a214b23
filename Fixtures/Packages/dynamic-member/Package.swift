// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DynamicMember",
    products: [.library(name: "DynamicMember", targets: ["DynamicMember"])],
    targets: [.target(name: "DynamicMember")],
    swiftLanguageModes: [.v5]
)
