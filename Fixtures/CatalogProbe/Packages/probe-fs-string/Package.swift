// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeFSString",
    products: [.library(name: "ProbeFSString", targets: ["ProbeFSString"])],
    targets: [.target(name: "ProbeFSString")],
    swiftLanguageModes: [.v5]
)
