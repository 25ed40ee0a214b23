// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowMembers",
    products: [.library(name: "NarrowMembers", targets: ["NarrowMembers"])],
    targets: [.target(name: "NarrowMembers")],
    swiftLanguageModes: [.v5]
)
