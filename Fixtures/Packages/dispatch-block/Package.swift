// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DispatchBlock",
    products: [.library(name: "DispatchBlock", targets: ["DispatchBlock"])],
    targets: [.target(name: "DispatchBlock")],
    swiftLanguageModes: [.v5]
)
