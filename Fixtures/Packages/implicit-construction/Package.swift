// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "implicit-construction",
    products: [.library(name: "ImplicitConstruction", targets: ["ImplicitConstruction"])],
    targets: [.target(name: "ImplicitConstruction")],
    swiftLanguageModes: [.v5]
)
