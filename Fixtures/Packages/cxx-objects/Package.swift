// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cxx-objects",
    products: [.library(name: "CxxObjects", targets: ["CxxObjects"])],
    targets: [
        .target(name: "CCxxObjects"),
        .target(name: "CxxObjects", dependencies: ["CCxxObjects"]),
    ],
    // `std::filesystem` (C++17): stated, since libclang's default standard differs between versions (Debian's
    // libclang 14 parses C++14 by default).
    cxxLanguageStandard: .cxx17
)
