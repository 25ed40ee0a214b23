// swift-tools-version:6.0
import PackageDescription

// Grants scoped to tests (issue 14): snapshot-kit is granted fs only "from": "test". The tests record snapshots
// (covered); the production code also lists them (a violation that says the grant is test-only).
let package = Package(
    name: "ScopeApp",
    dependencies: [.package(path: "../Packages/snapshot-kit")],
    targets: [
        .target(name: "ScopeApp", dependencies: [.product(name: "SnapshotKit", package: "snapshot-kit")]),
        .testTarget(name: "ScopeAppTests", dependencies: ["ScopeApp", .product(name: "SnapshotKit", package: "snapshot-kit")]),
    ],
    swiftLanguageModes: [.v5]
)
