// swift-tools-version:6.0
import PackageDescription

// A dependency that ships prebuilt code: a static library in an artifact bundle, whose module (CVendor) is not
// named like its target. Its Swift wrapper imports the module; capcheck cannot read the library.
let package = Package(
    name: "binary-vendor",
    products: [.library(name: "VendorSwift", targets: ["VendorSwift"])],
    targets: [
        .binaryTarget(name: "VendorBinary", path: "VendorBinary.artifactbundle"),
        .target(name: "VendorSwift", dependencies: ["VendorBinary"]),
    ]
)
