// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: a Vapor 4 server (the template's entry point) answering one request from its own process.
let package = Package(
    name: "VaporServer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(path: "../LoopbackClient"),
    ],
    targets: [.executableTarget(name: "VaporServer", dependencies: [
        .product(name: "LoopbackClient", package: "LoopbackClient"),
        .product(name: "Vapor", package: "vapor")])],
    swiftLanguageModes: [.v5]
)
