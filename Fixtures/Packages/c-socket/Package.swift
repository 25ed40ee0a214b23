// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sock",
    products: [.library(name: "Sock", targets: ["Sock"])],
    targets: [
        .target(name: "CSock"),
        .target(name: "Sock", dependencies: ["CSock"]),
    ],
    swiftLanguageModes: [.v5]
)
