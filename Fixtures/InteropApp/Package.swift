// swift-tools-version:6.0
import PackageDescription

// capcheck's C++ interoperability fixture: Fixtures/Packages/cxx-interop, used from an app that (as a module
// importing one built with C++ interoperability must) turns it on too.
let package = Package(
    name: "InteropApp",
    dependencies: [.package(path: "../Packages/cxx-interop")],
    targets: [
        .executableTarget(
            name: "InteropApp",
            dependencies: [.product(name: "CxxInterop", package: "cxx-interop")],
            swiftSettings: [.interoperabilityMode(.Cxx)]
        ),
    ]
)
