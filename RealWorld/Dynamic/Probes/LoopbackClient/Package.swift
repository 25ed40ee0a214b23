// swift-tools-version:6.0
import PackageDescription

// The in-process client of the RealWorld/Dynamic server probes (a local dependency: its socket calls are its own).
let package = Package(
    name: "LoopbackClient",
    products: [.library(name: "LoopbackClient", targets: ["LoopbackClient"])],
    targets: [.target(name: "LoopbackClient")],
    swiftLanguageModes: [.v5]
)
