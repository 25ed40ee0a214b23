// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: apple/swift-nio-ssh, a server on 127.0.0.1 and a client connecting to `localhost` in one
// process: key exchange, password authentication, an exec request answered by the server (no process is started).
let package = Package(
    name: "SSHLoopback",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [.executableTarget(name: "SSHLoopback", dependencies: [
        .product(name: "NIOSSH", package: "swift-nio-ssh"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
    ])],
    swiftLanguageModes: [.v5]
)
