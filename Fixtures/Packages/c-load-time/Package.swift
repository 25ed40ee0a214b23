// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LoadTime",
    products: [.library(name: "LoadTime", targets: ["LoadTime"])],
    targets: [
        .target(name: "CLoadTime"),
        .target(name: "LoadTime", dependencies: ["CLoadTime"]),
    ],
    swiftLanguageModes: [.v5]
)
