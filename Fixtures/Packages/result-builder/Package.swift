// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ResultBuilder",
    products: [.library(name: "ResultBuilder", targets: ["ResultBuilder"])],
    targets: [.target(name: "ResultBuilder")],
    swiftLanguageModes: [.v5]
)
