// swift-tools-version:6.0
import PackageDescription

// A binary target whose artifact bundle's module map asks the link step for `--ld-path=<a program of the package>`
// (`link "m --ld-path=…"`): a program that runs while the package builds. Never built by the tests: the pre-build check
// reads every module map inside the bundle (the thirtieth sweep's bundle ran its `ld.sh`; only the target folder's own
// module maps were read).
let package = Package(
    name: "binary-linkflags",
    products: [.library(name: "LinkFlagsSwift", targets: ["LinkFlagsSwift"])],
    targets: [
        .binaryTarget(name: "LinkFlagsBinary", path: "LinkFlags.artifactbundle"),
        .target(name: "LinkFlagsSwift", dependencies: ["LinkFlagsBinary"]),
    ]
)
