// swift-tools-version:6.0
import PackageDescription

// A C target whose module map marks its header `[system]`: the Swift compiler then indexes nothing of the header, and
// Swift's call of the `static inline` function defined there names it by a plain USR (the tenth sweep's).
let package = Package(
    name: "c-system-header",
    products: [.library(name: "SystemHeader", targets: ["SystemHeader"])],
    targets: [
        .target(name: "CSystemHeader"),
        .target(name: "SystemHeader", dependencies: ["CSystemHeader"]),
    ]
)
