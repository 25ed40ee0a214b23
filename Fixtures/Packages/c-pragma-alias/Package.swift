// swift-tools-version:6.0
import PackageDescription

// C names bound to other symbols by pragmas, which no call expression shows and libclang does not expose:
// `#pragma weak alias = target` (written out, and through `_Pragma` in a macro) and `#pragma redefine_extname`.
let package = Package(
    name: "c-pragma-alias",
    products: [.library(name: "CPragmaAlias", targets: ["CPragmaAlias"])],
    targets: [.target(name: "CPragmaAlias")]
)
