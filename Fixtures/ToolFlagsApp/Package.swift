// swift-tools-version:6.0
import PackageDescription

// Dependencies whose unsafe flags run a program during the build: build-time code, which needs `build`
// (BuildTimeTests). `hidden-flags` makes its setting's kind at run time, so its manifest never spells it. Never built
// by the tests: the decision comes first. `binary-linkflags` asks for the program through a module map inside its
// artifact bundle.
let package = Package(
    name: "ToolFlagsApp",
    dependencies: [.package(path: "../Packages/tool-flags"), .package(path: "../Packages/hidden-flags"),
                   .package(path: "../Packages/binary-linkflags")],
    targets: [.executableTarget(name: "ToolFlagsApp", dependencies: [
        .product(name: "ToolFlags", package: "tool-flags"), .product(name: "HiddenFlags", package: "hidden-flags"),
        .product(name: "LinkFlagsSwift", package: "binary-linkflags"),
    ])]
)
