// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Compress",
    products: [.library(name: "Compress", targets: ["Compress"])],
    targets: [
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Compress", dependencies: ["CZlib"]),
    ],
    swiftLanguageModes: [.v5]
)
