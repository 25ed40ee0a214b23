// swift-tools-version:6.0
import PackageDescription

// `debugPrint` and `String(reflecting:)` run a `CustomDebugStringConvertible`'s `debugDescription`, which the call
// does not name.
let package = Package(
    name: "debug-description",
    products: [.library(name: "DebugDescription", targets: ["DebugDescription"])],
    targets: [.target(name: "DebugDescription")]
)
