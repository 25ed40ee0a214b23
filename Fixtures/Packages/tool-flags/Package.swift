// swift-tools-version:6.0
import PackageDescription

// Settings that make the build run a program of the package's choosing (`-B` points clang at its own tools), next to
// flags that do not: only the first is build-time code, and a response file, whose flags capcheck does not read (found by
// an evasion sweep: `-Wl,@link.rsp` holding `-ld-path=./evil-ld` ran it). A local package may use unsafeFlags.
let package = Package(
    name: "tool-flags",
    products: [.library(name: "ToolFlags", targets: ["CToolFlags", "CQuietFlags", "CResponseFlags", "CDriverFlags"])],
    targets: [
        .target(name: "CToolFlags", cSettings: [.unsafeFlags(["-B/tmp/capcheck-fixture-tools"])],
                linkerSettings: [.linkedLibrary("m")]),
        .target(name: "CQuietFlags", cSettings: [.unsafeFlags(["-DCAPCHECK_QUIET=1", "-Wno-unused-function", "-O2"])]),
        .target(name: "CResponseFlags", linkerSettings: [.unsafeFlags(["-Wl,@link.rsp"])]),
        // clang then runs the linker it finds in that folder (sweep 13's F5b): no list of known bad flags had it.
        .target(name: "CDriverFlags", linkerSettings: [.unsafeFlags(["-Xclang-linker", "--gcc-toolchain=/tmp/capcheck-fixture-toolchain"])]),
    ]
)
