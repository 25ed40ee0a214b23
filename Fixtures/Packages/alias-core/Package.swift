// swift-tools-version:6.0
import PackageDescription

// A module another package renames with `moduleAliases`: its escape hatches must be read under the built name.
let package = Package(
    name: "alias-core",
    products: [.library(name: "AliasCore", targets: ["AliasCore"])],
    targets: [.target(name: "AliasCore")],
    swiftLanguageModes: [.v5]
)
