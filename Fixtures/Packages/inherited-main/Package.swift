// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "InheritedMain",
    products: [.library(name: "InheritedMain", targets: ["InheritedMain"])],
    targets: [.target(name: "InheritedMain")],
    swiftLanguageModes: [.v5]
)
