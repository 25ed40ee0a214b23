// swift-tools-version:6.0
import PackageDescription

// C code that runs though no call expression names it: names bound to other symbols by pragmas, which libclang does
// not expose (`#pragma weak alias = target`, written out and through `_Pragma` in a macro; `#pragma redefine_extname`),
// and a variable's `cleanup` function.
// And settings whose effect capcheck cannot see, reported as unanalysed: a library linked from the system and unsafe
// flags (a local package may have them).
let package = Package(
    name: "c-pragma-alias",
    products: [.library(name: "CPragmaAlias", targets: ["CPragmaAlias"])],
    targets: [.target(name: "CPragmaAlias", cSettings: [.unsafeFlags(["-DCAPCHECK_FIXTURE_FLAG=1"])],
                      linkerSettings: [.linkedLibrary("m")])]
)
