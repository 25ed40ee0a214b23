// swift-tools-version:6.0
import PackageDescription

// capcheck's native-code fixture: each dependency reaches a capability from C (or a system library) in a way
// only the libclang pass sees.
let package = Package(
    name: "NativeApp",
    dependencies: [
        .package(path: "../Packages/c-socket"),
        .package(path: "../Packages/c-asm"),
        .package(path: "../Packages/c-asm-function"),
        .package(path: "../Packages/c-interpose"),
        .package(path: "../Packages/cxx-objects"),
        .package(path: "../Packages/c-load-time"),
        .package(path: "../Packages/c-raw-syscall"),
        .package(path: "../Packages/c-fnptr-table"),
        .package(path: "../Packages/system-zlib"),
        .package(path: "../Packages/c-macro-triggers"),
        .package(path: "../Packages/c-header-context"),
        .package(path: "../Packages/c-asm-label"),
        .package(path: "../Packages/c-header-only"),
        .package(path: "../Packages/c-pragma-alias"),
        .package(path: "../Packages/c-swift-name"),
        .package(path: "../Packages/c-autolink"),
        .package(path: "../Packages/c-system-header"),
    ],
    targets: [
        .executableTarget(
            name: "NativeApp",
            dependencies: [
                .product(name: "Sock", package: "c-socket"),
                .product(name: "Asm", package: "c-asm"),
                .product(name: "AsmFunction", package: "c-asm-function"),
                .product(name: "Interpose", package: "c-interpose"),
                .product(name: "CxxObjects", package: "cxx-objects"),
                .product(name: "LoadTime", package: "c-load-time"),
                .product(name: "RawSyscall", package: "c-raw-syscall"),
                .product(name: "FnTable", package: "c-fnptr-table"),
                .product(name: "Compress", package: "system-zlib"),
                .product(name: "MacroTriggers", package: "c-macro-triggers"),
                .product(name: "HeaderContext", package: "c-header-context"),
                .product(name: "AsmLabel", package: "c-asm-label"),
                .product(name: "HeaderOnly", package: "c-header-only"),
                .product(name: "CPragmaAlias", package: "c-pragma-alias"),
                .product(name: "SwiftName", package: "c-swift-name"),
                .product(name: "CAutolink", package: "c-autolink"),
                .product(name: "SystemHeader", package: "c-system-header"),
                "CNativeShim",
            ]
        ),
        // The root's own C, expanding c-header-only's `CAPCHECK_HEADER_MKDIR`.
        .target(name: "CNativeShim", dependencies: [.product(name: "HeaderOnly", package: "c-header-only")]),
    ],
    swiftLanguageModes: [.v5]
)
