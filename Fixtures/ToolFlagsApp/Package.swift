// swift-tools-version:6.0
import PackageDescription

// A dependency whose unsafe flags run a program during the build: build-time code, which needs `build`
// (BuildTimeTests). Never built by the tests: the decision comes first.
let package = Package(
    name: "ToolFlagsApp",
    dependencies: [.package(path: "../Packages/tool-flags")],
    targets: [.executableTarget(name: "ToolFlagsApp", dependencies: [.product(name: "ToolFlags", package: "tool-flags")])]
)
