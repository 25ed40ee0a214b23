// swift-tools-version:6.2
import PackageDescription

// RealWorld/Dynamic probe: swift-subprocess running /bin/true.
let package = Package(
    name: "Subprocess",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2")],
    targets: [.executableTarget(name: "SubprocessRun", dependencies: [.product(name: "Subprocess", package: "swift-subprocess")])],
    swiftLanguageModes: [.v5]
)
