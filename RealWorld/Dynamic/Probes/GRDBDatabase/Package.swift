// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: a GRDB database in a temporary file.
let package = Package(
    name: "GRDBDatabase",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0")],
    targets: [.executableTarget(name: "GRDBDatabase", dependencies: [.product(name: "GRDB", package: "GRDB.swift")])],
    swiftLanguageModes: [.v5]
)
