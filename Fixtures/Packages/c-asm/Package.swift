// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Asm",
    products: [.library(name: "Asm", targets: ["Asm"])],
    targets: [
        .target(name: "CAsm"),
        .target(name: "Asm", dependencies: ["CAsm"]),
    ],
    swiftLanguageModes: [.v5]
)
