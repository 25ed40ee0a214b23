// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeFFIDlopen",
    products: [.library(name: "ProbeFFIDlopen", targets: ["ProbeFFIDlopen"])],
    targets: [.target(name: "ProbeFFIDlopen")],
    swiftLanguageModes: [.v5]
)
