// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProbeFSDispatch",
    products: [.library(name: "ProbeFSDispatch", targets: ["ProbeFSDispatch"])],
    targets: [.target(name: "ProbeFSDispatch")],
    swiftLanguageModes: [.v5]
)
