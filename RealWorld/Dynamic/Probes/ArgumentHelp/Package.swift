// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: apple/swift-argument-parser's own environment reads: the help screen's width (COLUMNS,
// LINES, then the terminal), a completion request (SAP_SHELL, SAP_SHELL_VERSION) and the shell's name (SHELL).
let package = Package(
    name: "ArgumentHelp",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")],
    targets: [.executableTarget(name: "ArgumentHelp", dependencies: [
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ])],
    swiftLanguageModes: [.v5]
)
