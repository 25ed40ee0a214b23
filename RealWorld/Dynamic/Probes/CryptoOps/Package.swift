// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: swift-crypto hashing, sealing and signing.
let package = Package(
    name: "CryptoOps",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/apple/swift-crypto", from: "3.12.3")],
    targets: [.executableTarget(name: "CryptoOps", dependencies: [.product(name: "Crypto", package: "swift-crypto")])],
    swiftLanguageModes: [.v5]
)
