// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "InactivePayload",
    products: [.library(name: "InactivePayload", targets: ["InactivePayload"])],
    targets: [
        // A feature of the release build only: `#if hasFeature(ExistentialAny)` is compiled there, not in debug.
        .target(name: "InactivePayload", swiftSettings: [.enableUpcomingFeature("ExistentialAny", .when(configuration: .release))]),
    ],
    swiftLanguageModes: [.v5]
)
