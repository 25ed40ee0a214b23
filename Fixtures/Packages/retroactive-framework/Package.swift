// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RetroactiveFramework",
    products: [.library(name: "RetroactiveFramework", targets: ["RetroactiveFramework"])],
    dependencies: [.package(path: "../socket-lib")],
    targets: [.target(name: "RetroactiveFramework", dependencies: [.product(name: "SocketLib", package: "socket-lib")])],
    swiftLanguageModes: [.v5]
)
