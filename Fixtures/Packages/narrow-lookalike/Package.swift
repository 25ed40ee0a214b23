// swift-tools-version:6.0
import PackageDescription

// Names that look like allowed ones (the ninth sweep's): a variable spelt like its decoy, a pointer moved past a prefix.
let package = Package(
    name: "NarrowLookalike",
    products: [.library(name: "NarrowLookalike", targets: ["NarrowLookalike"])],
    dependencies: [],
    targets: [.target(name: "NarrowLookalike", dependencies: [])],
    swiftLanguageModes: [.v5]
)
