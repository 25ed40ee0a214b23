// swift-tools-version:6.0
import PackageDescription

// A C declaration renamed with an asm label: calling `capcheck_quiet_open` calls libc's `open`, though no call
// names it (C's `@_silgen_name`). Declared only, with no C source defining it.
let package = Package(
    name: "c-asm-label",
    products: [.library(name: "AsmLabel", targets: ["AsmLabel"])],
    targets: [
        .target(name: "CAsmLabel"),
        .target(name: "AsmLabel", dependencies: ["CAsmLabel"]),
    ]
)
