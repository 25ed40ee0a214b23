// swift-tools-version:6.0
import PackageDescription

// A Swift module compiled with C++ interoperability runs package C++ that no call expression names (operators,
// special members, accessors imported as properties, templates).
let package = Package(
    name: "cxx-interop",
    products: [.library(name: "CxxInterop", targets: ["CxxInterop"])],
    targets: [
        .target(name: "CCxxInterop"),
        .target(name: "CxxInterop", dependencies: ["CCxxInterop"], swiftSettings: [.interoperabilityMode(.Cxx)]),
    ]
)
