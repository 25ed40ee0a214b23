// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "BrokenBuild",
    targets: [.executableTarget(name: "BrokenBuild")],
    swiftLanguageModes: [.v5]
)
