// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "c-asm-function",
    products: [.library(name: "AsmFunction", targets: ["AsmFunction"])],
    targets: [
        .target(name: "CAsmFunction"),
        .target(name: "AsmFunction", dependencies: ["CAsmFunction"]),
    ]
)
