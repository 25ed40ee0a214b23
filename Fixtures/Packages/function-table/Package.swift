// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "FunctionTable",
    products: [.library(name: "FunctionTable", targets: ["FunctionTable"])],
    targets: [.target(name: "FunctionTable")],
    swiftLanguageModes: [.v5]
)
