import Foundation

/// The Swift modules the build compiled with C++ interoperability, read from the build manifest's Swift compile
/// commands. Such a module calls C++ that no index record names (operators, special members, imported accessors,
/// template instances), so `CxxInteropEdges` gives it every C-family function of the targets it can see.
package enum CxxInteropModules {
    /// The `-module-name` of every Swift compile command in the manifest whose arguments turn interoperability on:
    /// `-cxx-interoperability-mode=<mode>` other than `off`, or the older `-enable-experimental-cxx-interop` and
    /// frontend `-enable-cxx-interop` (however an `unsafeFlags` spells them).
    package static func inBuildManifest(_ text: String) -> Set<String> {
        var modules = Set<String>()
        let argsKey = Array("args: [".utf8), marker = Array("cxx-interop".utf8)
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            // Only the few lines that spell the flag are decoded (Swift commands carry long argument lists).
            guard trimmed.starts(with: argsKey), contains(trimmed, marker),
                  let arguments = try? JSONSerialization.jsonObject(with: Data(trimmed.dropFirst(argsKey.count - 1))) as? [String],
                  turnsInteropOn(arguments),
                  let nameFlag = arguments.firstIndex(of: "-module-name"), nameFlag + 1 < arguments.count
            else { continue }
            modules.insert(arguments[nameFlag + 1])
        }
        return modules
    }

    /// Whether a Swift compiler's arguments enable C++ interoperability (the last mode given wins).
    package static func turnsInteropOn(_ arguments: [String]) -> Bool {
        var enabled = false
        for (index, argument) in arguments.enumerated() {
            if argument == "-enable-experimental-cxx-interop" || argument == "-enable-cxx-interop" {
                enabled = true
            } else if argument.hasPrefix("-cxx-interoperability-mode=") {
                enabled = argument.dropFirst("-cxx-interoperability-mode=".count) != "off"
            } else if argument == "-cxx-interoperability-mode", index + 1 < arguments.count {
                enabled = arguments[index + 1] != "off"
            }
        }
        return enabled
    }

    private static func contains(_ haystack: Substring.UTF8View, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var index = haystack.startIndex
        while let found = haystack[index...].firstIndex(of: first) {
            if haystack[found...].starts(with: needle) { return true }
            index = haystack.index(after: found)
        }
        return false
    }
}
