// swift-tools-version:6.0
import PackageDescription

// Native code whose asm, load-time attributes and raw system calls are spelt only through macros (and token
// pasting), so a prefilter that reads the text without expanding macros would miss them; plus a header whose inline
// function holds asm, included by several sources (one parse covers the others).
let package = Package(
    name: "c-macro-triggers",
    products: [.library(name: "MacroTriggers", targets: ["MacroTriggers"])],
    targets: [
        .target(name: "CMacroTriggers"),
        .target(name: "MacroTriggers", dependencies: ["CMacroTriggers"]),
    ]
)
