// swift-tools-version:6.0
import PackageDescription

// Ways an evasion sweep made the value analysis claim an allowed value while the code used another (issue 12): each
// must be reported under `fs:/etc/ssl/**`.
let package = Package(
    name: "NarrowSweep",
    products: [.library(name: "NarrowSweep", targets: ["NarrowSweep"])],
    targets: [.target(name: "NarrowSweep")],
    swiftLanguageModes: [.v5]
)
