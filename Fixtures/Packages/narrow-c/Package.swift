// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NarrowC",
    products: [.library(name: "NarrowC", targets: ["NarrowC"])],
    targets: [
        .target(name: "CNarrow"),
        .target(name: "NarrowC", dependencies: ["CNarrow"]),
    ],
    swiftLanguageModes: [.v5]
)
