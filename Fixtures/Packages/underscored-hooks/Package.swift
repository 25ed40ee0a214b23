// swift-tools-version:6.0
import PackageDescription

// Code the toolchain runs through underscored requirements, renamed witnesses and conformances of toolchain types, each
// of which passed `check` before the thirtieth sweep (docs/semantics.md, "Implicit calls: how each is covered").
let package = Package(
    name: "underscored-hooks",
    products: [.library(name: "UnderscoredHooks", targets: ["UnderscoredHooks"])],
    targets: [.target(name: "UnderscoredHooks")],
    swiftLanguageModes: [.v5]
)
