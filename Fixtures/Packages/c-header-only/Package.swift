// swift-tools-version:6.0
import PackageDescription

// A C target whose public header holds the code: an inline function and an asm-labelled declaration that Swift calls
// through the module map, while the target's only C source includes neither (so no index record holds them).
let package = Package(
    name: "c-header-only",
    products: [.library(name: "HeaderOnly", targets: ["HeaderOnly"])],
    targets: [
        .target(name: "CHeaderOnly"),
        .target(name: "HeaderOnly", dependencies: ["CHeaderOnly"]),
    ]
)
