// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cxx-objects",
    products: [.library(name: "CxxObjects", targets: ["CxxObjects"])],
    targets: [
        .target(name: "CCxxObjects"),
        .target(name: "CxxObjects", dependencies: ["CCxxObjects"]),
    ]
)
