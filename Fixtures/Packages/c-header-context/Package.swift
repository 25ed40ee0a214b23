// swift-tools-version:6.0
import PackageDescription

// What a header means can depend on the source that includes it, though its lines are the same (the twenty-fourth
// sweep's): a `syscall` whose number is the source's constant, a `cleanup` naming the source's own static function.
// And a hook table placed in a section by `#pragma clang section`, which no attribute shows.
let package = Package(
    name: "CHeaderContext",
    products: [.library(name: "HeaderContext", targets: ["HeaderContext"])],
    targets: [.target(name: "CHeaderContext"), .target(name: "HeaderContext", dependencies: ["CHeaderContext"])],
    swiftLanguageModes: [.v5]
)
