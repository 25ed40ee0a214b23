// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SnapshotKit",
    products: [.library(name: "SnapshotKit", targets: ["SnapshotKit"])],
    targets: [.target(name: "SnapshotKit")],
    swiftLanguageModes: [.v5]
)
