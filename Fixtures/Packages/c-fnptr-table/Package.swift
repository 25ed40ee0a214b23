// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "FnTable",
    products: [.library(name: "FnTable", targets: ["FnTable"])],
    targets: [
        .target(name: "CFnTable"),
        .target(name: "FnTable", dependencies: ["CFnTable"]),
    ],
    swiftLanguageModes: [.v5]
)
