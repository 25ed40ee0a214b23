// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RawSyscall",
    products: [.library(name: "RawSyscall", targets: ["RawSyscall"])],
    targets: [
        .target(name: "CRawSyscall"),
        .target(name: "RawSyscall", dependencies: ["CRawSyscall"]),
    ],
    swiftLanguageModes: [.v5]
)
