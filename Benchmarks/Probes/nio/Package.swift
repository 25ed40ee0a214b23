// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "NioProbe",
    dependencies: [.package(url: "https://github.com/apple/swift-nio", from: "2.101.2")],
    targets: [.executableTarget(name: "NioProbe", dependencies: [.product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOCore", package: "swift-nio")])],
    swiftLanguageModes: [.v5]
)
