// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "FunctionValues",
    products: [.library(name: "FunctionValues", targets: ["FunctionValues"])],
    targets: [.target(name: "FunctionValues")],
    swiftLanguageModes: [.v5]
)
