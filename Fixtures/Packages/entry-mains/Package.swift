// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "EntryMains",
    products: [.library(name: "EntryMains", targets: ["EntryMains"])],
    targets: [.target(name: "EntryMains"), .testTarget(name: "CShadowBoot", dependencies: ["EntryMains"])],
    swiftLanguageModes: [.v5]
)
