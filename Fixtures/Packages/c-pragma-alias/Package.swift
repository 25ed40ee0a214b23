// swift-tools-version:6.0
import PackageDescription

// C names bound to other symbols by pragmas, which no call expression shows and libclang does not expose:
// `#pragma weak alias = target` (written out, and through `_Pragma` in a macro) and `#pragma redefine_extname`.
// And settings whose effect capcheck cannot see, reported as unanalysed: a library linked from the system and unsafe
// flags (a local package may have them).
let package = Package(
    name: "c-pragma-alias",
    products: [.library(name: "CPragmaAlias", targets: ["CPragmaAlias"])],
    targets: [.target(name: "CPragmaAlias", cSettings: [.unsafeFlags(["-DCAPCHECK_FIXTURE_FLAG=1"])],
                      linkerSettings: [.linkedLibrary("m")])]
)
