// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "UnsafeUnowned",
    products: [.library(name: "UnsafeUnowned", targets: ["UnsafeUnowned"])],
    // `BuiltinModule` is an ordinary setting (not `unsafeFlags`): `import Builtin` then reads and calls at raw addresses.
    targets: [.target(name: "UnsafeUnowned", swiftSettings: [.enableExperimentalFeature("BuiltinModule")])],
    swiftLanguageModes: [.v5]
)
