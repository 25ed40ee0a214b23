// swift-tools-version:6.0
import PackageDescription

// Uses a dependency with a binary target. Build it through the test suite, which first compiles the bundle's
// static library (Fixtures/Packages/binary-vendor/vendor-src) with the toolchain's clang.
let package = Package(
    name: "BinaryApp",
    dependencies: [.package(path: "../Packages/binary-vendor")],
    targets: [
        .executableTarget(name: "BinaryApp", dependencies: [.product(name: "VendorSwift", package: "binary-vendor")]),
    ]
)
