// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeExecLibc",
    products: [.library(name: "ProbeExecLibc", targets: ["ProbeExecLibc"])],
    targets: [.target(name: "ProbeExecLibc")],
    swiftLanguageModes: [.v5]
)
