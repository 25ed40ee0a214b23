// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GrantedFS",
    products: [.library(name: "GrantedFS", targets: ["GrantedFS"])],
    targets: [.target(name: "GrantedFS")],
    swiftLanguageModes: [.v5]
)
