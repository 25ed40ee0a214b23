// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CacheSwiftDep",
    products: [.library(name: "CacheSwiftDep", targets: ["CacheSwiftDep"])],
    targets: [.target(name: "CacheSwiftDep")],
    swiftLanguageModes: [.v5]
)
