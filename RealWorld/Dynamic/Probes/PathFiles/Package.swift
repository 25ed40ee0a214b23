// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: two small file-system wrappers over Foundation and the C library, kylef/PathKit (its glob
// is C's glob with GLOB_TILDE) and JohnSundell/Files (expands `~` from the environment's HOME).
let package = Package(
    name: "PathFiles",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/kylef/PathKit", from: "1.0.1"),
        .package(url: "https://github.com/JohnSundell/Files", from: "4.3.0"),
    ],
    targets: [.executableTarget(name: "PathFiles", dependencies: [
        .product(name: "PathKit", package: "PathKit"),
        .product(name: "Files", package: "Files"),
    ])],
    swiftLanguageModes: [.v5]
)
