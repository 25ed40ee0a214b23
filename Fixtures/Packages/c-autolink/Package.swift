// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "c-autolink",
    products: [.library(name: "CAutolink", targets: ["CAutolink"])],
    targets: [.target(name: "CAutolink")]
)
