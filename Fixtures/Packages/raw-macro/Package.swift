// swift-tools-version:6.0
import CompilerPluginSupport
import PackageDescription

// A macro whose expansion binds a declaration to a C library function (`@_silgen_name("clearenv")`): no source file
// holds the binding, only the object file shows the call (the thirtieth sweep's emptied the environment). The macro
// answers the compiler's plugin messages by hand, so the fixture builds without swift-syntax. RawMacroSupport, which only
// the macro uses, is host-only code no program links.
let package = Package(
    name: "raw-macro",
    products: [.library(name: "RawBindings", targets: ["RawBindings"])],
    targets: [
        .target(name: "RawMacroSupport"),
        .macro(name: "RawMacros", dependencies: ["RawMacroSupport"]),
        .target(name: "RawBindings", dependencies: ["RawMacros"]),
    ]
)
