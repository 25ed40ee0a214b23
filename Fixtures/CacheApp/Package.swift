// swift-tools-version:6.0
import PackageDescription

// The graph of the cache differential test (CacheDifferentialTests): the test copies it to a temporary folder and
// edits both dependencies, their manifests and the policy at random, checking that capcheck's caches never change
// a report.
let package = Package(
    name: "CacheApp",
    dependencies: [
        .package(path: "../Packages/cache-swift-dep"),
        .package(path: "../Packages/cache-c-dep"),
    ],
    targets: [
        .executableTarget(name: "CacheApp", dependencies: [
            .product(name: "CacheSwiftDep", package: "cache-swift-dep"),
            .product(name: "CacheCDep", package: "cache-c-dep"),
        ]),
    ],
    swiftLanguageModes: [.v5]
)
