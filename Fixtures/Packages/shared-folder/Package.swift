// swift-tools-version:6.0
import PackageDescription

// Two targets in one folder with disjoint sources: each file is the code of the module it is compiled into, not of
// whichever target the folder names first (the thirtieth sweep's: a grant to SharedStore covered SharedFormat's code).
let package = Package(
    name: "shared-folder",
    products: [.library(name: "SharedFolder", targets: ["SharedStore", "SharedFormat"])],
    targets: [
        .target(name: "SharedStore", path: "Sources/Shared", sources: ["Store.swift"]),
        .target(name: "SharedFormat", path: "Sources/Shared", sources: ["Format.swift"]),
    ]
)
