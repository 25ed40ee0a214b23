// swift-tools-version:6.0
import PackageDescription

// A setting whose kind the manifest makes at run time (an evasion sweep's): an innocuous `define` whose
// (name, values) fields are overwritten, so the manifest never spells the kind. SwiftPM sees the flags below
// (`swift package dump-package`); capcheck must read them although no text search of this file finds them.
func setting(_ kind: String, _ values: [String]) -> LinkerSetting {
    var made = unsafeBitCast(CSetting.define("X"), to: LinkerSetting.self)
    withUnsafeMutablePointer(to: &made) { pointer in
        pointer.withMemoryRebound(to: (String, [String]).self, capacity: 1) { $0.pointee = (kind, values) }
    }
    return made
}

let package = Package(
    name: "hidden-flags",
    products: [.library(name: "HiddenFlags", targets: ["HiddenFlags"])],
    targets: [
        .target(name: "HiddenFlags", linkerSettings: [setting("unsafe" + "Flags", ["-B/tmp/capcheck-fixture-tools"])]),
    ]
)
