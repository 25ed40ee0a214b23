// swift-tools-version:6.1
import PackageDescription

// RealWorld/Dynamic probe: file work done in packages' own code: weichsel/ZIPFoundation (C's fopen, FileManager and
// zlib through a system library) zipping, listing, extracting and editing an archive, and apple/swift-system
// (FileDescriptor, FilePath and Stat, whose `@_alwaysEmitIntoClient` bodies are compiled into the caller).
let package = Package(
    name: "ArchiveFiles",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [.executableTarget(name: "ArchiveFiles", dependencies: [
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "SystemPackage", package: "swift-system"),
    ])],
    swiftLanguageModes: [.v5]
)
