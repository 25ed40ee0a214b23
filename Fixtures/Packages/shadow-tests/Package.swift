// swift-tools-version:6.0
import PackageDescription

// A dependency's test target named like the root's module (`ImplicitApp`), and a C target named like another package's
// test target (`entry-mains`' `CShadowBoot`): SwiftPM builds no dependency's tests, so neither name makes code test code
// (the twenty-third sweep's; each hid a file write and an environment read from the check).
let package = Package(
    name: "ShadowTests",
    products: [.library(name: "ShadowTests", targets: ["ShadowTests"])],
    targets: [
        .target(name: "ShadowTests", dependencies: ["CShadowBoot"]),
        .target(name: "CShadowBoot"),
        .testTarget(name: "ImplicitApp", dependencies: ["ShadowTests"]),
    ],
    swiftLanguageModes: [.v5]
)
