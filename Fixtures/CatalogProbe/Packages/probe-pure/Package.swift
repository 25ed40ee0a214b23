// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbePure",
    products: [.library(name: "ProbePure", targets: ["ProbePure"])],
    targets: [.target(name: "ProbePure")],
    swiftLanguageModes: [.v5]
)
