// swift-tools-version:6.0
import PackageDescription

// capcheck rule: a C setter imported as a property with `swift_name` (ImportedSetterEdges).
let package = Package(
    name: "c-swift-name",
    products: [.library(name: "SwiftName", targets: ["SwiftName"])],
    targets: [
        .target(name: "CSwiftName"),
        .target(name: "SwiftName", dependencies: ["CSwiftName"]),
    ],
    swiftLanguageModes: [.v5]
)
