// swift-tools-version:6.0
import PackageDescription

// Two modules with their own grants (`identity/Module` keys): NarrowModA may read only /etc/hosts, NarrowModB any file.
let package = Package(
    name: "NarrowModules",
    products: [.library(name: "NarrowModA", targets: ["NarrowModA"])],
    targets: [.target(name: "NarrowModA", dependencies: ["NarrowModB"]), .target(name: "NarrowModB")],
    swiftLanguageModes: [.v5]
)
