// swift-tools-version:6.0
import PackageDescription

// Dependencies whose unsafe flags run a program during the build: build-time code, which needs `build`
// (BuildTimeTests). `hidden-flags` makes its setting's kind at run time, so its manifest never spells it. Never built
// by the tests: the decision comes first.
let package = Package(
    name: "ToolFlagsApp",
    dependencies: [.package(path: "../Packages/tool-flags"), .package(path: "../Packages/hidden-flags")],
    targets: [.executableTarget(name: "ToolFlagsApp", dependencies: [
        .product(name: "ToolFlags", package: "tool-flags"), .product(name: "HiddenFlags", package: "hidden-flags"),
    ])]
)
