// swift-tools-version:6.0
import PackageDescription

// A protocol extension's default implementation that only conformers nobody creates take: every conformer the root
// creates implements the requirement itself, so the default (which removes a file) never runs. A second protocol's
// default is taken by a conformance declared in an extension, which the root does create.
let package = Package(
    name: "overridden-default",
    products: [.library(name: "OverriddenDefault", targets: ["OverriddenDefault"])],
    targets: [.target(name: "OverriddenDefault")]
)
