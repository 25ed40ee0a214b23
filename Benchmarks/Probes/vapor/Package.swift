// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "VaporProbe",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/vapor/vapor", from: "4.122.3")],
    targets: [.executableTarget(name: "VaporProbe", dependencies: [.product(name: "Vapor", package: "vapor")])],
    swiftLanguageModes: [.v5]
)
