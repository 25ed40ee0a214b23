// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "member-values",
    products: [.library(name: "MemberValues", targets: ["MemberValues"])],
    targets: [.target(name: "MemberValues")],
    swiftLanguageModes: [.v5]
)
