// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: Yams and swift-nio, each reading its environment variables while doing its job.
let package = Package(
    name: "EnvReaders",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [.executableTarget(name: "EnvReaders", dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "NIOPosix", package: "swift-nio"),
    ])],
    swiftLanguageModes: [.v5]
)
