// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SocketLib",
    products: [.library(name: "SocketLib", targets: ["SocketLib"])],
    targets: [.target(name: "SocketLib")],
    swiftLanguageModes: [.v5]
)
