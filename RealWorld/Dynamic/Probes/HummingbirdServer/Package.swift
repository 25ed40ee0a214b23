// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: a Hummingbird 2 server on 127.0.0.1 answering one request from its own process.
let package = Package(
    name: "HummingbirdServer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(path: "../LoopbackClient"),
    ],
    targets: [.executableTarget(name: "HummingbirdServer", dependencies: [
        .product(name: "LoopbackClient", package: "LoopbackClient"),
        .product(name: "Hummingbird", package: "hummingbird")])],
    swiftLanguageModes: [.v5]
)
