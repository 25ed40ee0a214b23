// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CacheCDep",
    products: [.library(name: "CacheCDep", targets: ["CacheCDep"])],
    targets: [
        .target(name: "CCacheDep"),
        .target(name: "CacheCDep", dependencies: ["CCacheDep"]),
    ],
    swiftLanguageModes: [.v5]
)
