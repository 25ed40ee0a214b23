// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "c-interpose",
    products: [.library(name: "Interpose", targets: ["Interpose"])],
    targets: [
        .target(name: "CInterpose"),
        .target(name: "Interpose", dependencies: ["CInterpose"]),
    ]
)
