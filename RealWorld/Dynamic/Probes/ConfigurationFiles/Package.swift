// swift-tools-version:6.2
import PackageDescription

// RealWorld/Dynamic probe: swift-configuration (default trait JSON) reading the process environment, a `.env` file,
// a JSON file and a folder of secret files, and logging every access to a file through swift-system's FileDescriptor.
let package = Package(
    name: "ConfigurationFiles",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
    ],
    targets: [.executableTarget(name: "ConfigurationFiles", dependencies: [
        .product(name: "Configuration", package: "swift-configuration"),
        .product(name: "SystemPackage", package: "swift-system"),
    ])],
    swiftLanguageModes: [.v5]
)
