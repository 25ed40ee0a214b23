// swift-tools-version:6.0
import PackageDescription

// One dependency per catalog entry family, each calling one representative sink (probe-pure calls none):
// CatalogProbeTests expects each to reach exactly its capability.
let package = Package(
    name: "CatalogProbe",
    dependencies: [
        .package(path: "Packages/probe-fs-foundation"),
        .package(path: "Packages/probe-fs-string"),
        .package(path: "Packages/probe-url-loader"),
        .package(path: "Packages/probe-fs-dispatch"),
        .package(path: "Packages/probe-fs-libc"),
        .package(path: "Packages/probe-net-foundation"),
        .package(path: "Packages/probe-net-libc"),
        .package(path: "Packages/probe-exec-foundation"),
        .package(path: "Packages/probe-exec-libc"),
        .package(path: "Packages/probe-env-foundation"),
        .package(path: "Packages/probe-env-libc"),
        .package(path: "Packages/probe-unsafe-stdlib"),
        .package(path: "Packages/probe-unsafe-pointer"),
        .package(path: "Packages/probe-unsafe-foundation"),
        .package(path: "Packages/probe-ffi-dlopen"),
        .package(path: "Packages/probe-pure"),
    ],
    targets: [
        .executableTarget(
            name: "CatalogProbe",
            dependencies: [
                .product(name: "ProbeFSFoundation", package: "probe-fs-foundation"),
                .product(name: "ProbeFSString", package: "probe-fs-string"),
                .product(name: "ProbeURLLoader", package: "probe-url-loader"),
                .product(name: "ProbeFSDispatch", package: "probe-fs-dispatch"),
                .product(name: "ProbeFSLibc", package: "probe-fs-libc"),
                .product(name: "ProbeNetFoundation", package: "probe-net-foundation"),
                .product(name: "ProbeNetLibc", package: "probe-net-libc"),
                .product(name: "ProbeExecFoundation", package: "probe-exec-foundation"),
                .product(name: "ProbeExecLibc", package: "probe-exec-libc"),
                .product(name: "ProbeEnvFoundation", package: "probe-env-foundation"),
                .product(name: "ProbeEnvLibc", package: "probe-env-libc"),
                .product(name: "ProbeUnsafeStdlib", package: "probe-unsafe-stdlib"),
                .product(name: "ProbeUnsafePointer", package: "probe-unsafe-pointer"),
                .product(name: "ProbeUnsafeFoundation", package: "probe-unsafe-foundation"),
                .product(name: "ProbeFFIDlopen", package: "probe-ffi-dlopen"),
                .product(name: "ProbePure", package: "probe-pure"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
