// swift-tools-version:6.0
import PackageDescription

// Uses alias-core's module under another name (`moduleAliases`): the index and the build call it `HiddenCore`, while
// `swift package describe` says `AliasCore` (the eleventh sweep's: the renamed module's escape hatches went unread).
let package = Package(
    name: "alias-user",
    products: [.library(name: "AliasUser", targets: ["AliasUser"])],
    dependencies: [.package(path: "../alias-core")],
    targets: [
        .target(name: "AliasUser", dependencies: [
            .product(name: "AliasCore", package: "alias-core", moduleAliases: ["AliasCore": "HiddenCore"]),
        ]),
    ],
    swiftLanguageModes: [.v5]
)
