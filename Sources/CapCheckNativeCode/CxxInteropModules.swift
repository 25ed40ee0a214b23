import Foundation

/// The Swift modules the build compiled with C++ interoperability, read from the build manifest's Swift compile
/// commands. Such a module calls C++ that no index record names (operators, special members, imported accessors,
/// template instances), so `CxxInteropEdges` gives it every C-family function of the targets it can see.
package enum CxxInteropModules {
    /// The `-module-name` of every Swift compile command in the manifest whose arguments turn interoperability on:
    /// `-cxx-interoperability-mode=<mode>` other than `off`, or the older `-enable-experimental-cxx-interop` and
    /// frontend `-enable-cxx-interop` (however an `unsafeFlags` spells them, response files `@file` included).
    package static func inBuildManifest(_ text: String) -> Set<String> { inBuildManifest(BuildManifestText(text)) }

    package static func inBuildManifest(_ manifest: BuildManifestText) -> Set<String> {
        var modules = Set<String>()
        let argsKey = Array("args: [".utf8), marker = Array("cxx-interop".utf8), responseFile = Array("\"@".utf8)
        for line in manifest.lines {
            let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            // Only lines that spell the flag or name a response file are decoded (Swift commands are long).
            guard trimmed.starts(with: argsKey),
                  contains(trimmed, marker) || (contains(trimmed, responseFile) && responseFilesMayEnable(trimmed)),
                  let arguments = try? JSONSerialization.jsonObject(with: Data(trimmed.dropFirst(argsKey.count - 1))) as? [String],
                  turnsInteropOn(expandingResponseFiles(arguments)),
                  let nameFlag = arguments.firstIndex(of: "-module-name"), nameFlag + 1 < arguments.count
            else { continue }
            modules.insert(arguments[nameFlag + 1])
        }
        return modules
    }

    /// Whether a response file a manifest line names (`"@path"`) spells the flag or names another response file: every
    /// Swift command names SwiftPM's own list of sources this way, which is read (small) but not decoded unless it does.
    private static func responseFilesMayEnable(_ line: Substring.UTF8View) -> Bool {
        var rest = line[...]
        while let quote = rest.firstIndex(of: UInt8(ascii: "\"")) {
            let after = rest.index(after: quote)
            guard after < rest.endIndex, let end = rest[after...].firstIndex(of: UInt8(ascii: "\"")) else { return false }
            let token = rest[after..<end]
            rest = rest[rest.index(after: end)...]
            guard token.first == UInt8(ascii: "@") else { continue }
            // Missing: the command never ran (SwiftPM writes a module's list of sources before compiling it), so no
            // module was compiled from it. Unreadable: it could say anything (then counted as turning it on).
            guard let path = String(token.dropFirst()), FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { return true }
            if data.range(of: Data("cxx-interop".utf8)) != nil || data.contains(UInt8(ascii: "@")) { return true }
        }
        return false
    }

    /// Whether a Swift compiler's arguments may enable C++ interoperability: any flag that turns it on counts, whatever
    /// follows (the driver and the frontend read `-cxx-interoperability-mode` separately, so an `=off` after an
    /// `-Xfrontend …=default` leaves the frontend's on; found by an evasion sweep).
    package static func turnsInteropOn(_ arguments: [String]) -> Bool {
        for (index, argument) in arguments.enumerated() {
            if argument == "-enable-experimental-cxx-interop" || argument == "-enable-cxx-interop" { return true }
            if argument.hasPrefix("-cxx-interoperability-mode="), argument.dropFirst("-cxx-interoperability-mode=".count) != "off" {
                return true
            }
            if argument == "-cxx-interoperability-mode", index + 1 < arguments.count, arguments[index + 1] != "off" { return true }
        }
        return false
    }

    /// The arguments with each `@file` replaced by the file's arguments (as the driver reads them: separated by white
    /// space, quoted with `"` or `'`, `\\` escaping), to a depth of 8; a file that is there but cannot be read stands for an
    /// argument that turns interoperability on, since it could; one that is not there for nothing.
    package static func expandingResponseFiles(_ arguments: [String], depth: Int = 0) -> [String] {
        arguments.flatMap { argument -> [String] in
            guard argument.hasPrefix("@"), argument.count > 1 else { return [argument] }
            // A file that is not there was never read by a compiler that ran (see `responseFilesMayEnable`).
            guard FileManager.default.fileExists(atPath: String(argument.dropFirst())) else { return [] }
            guard depth < 8, let text = try? String(contentsOfFile: String(argument.dropFirst()), encoding: .utf8) else {
                return ["-enable-experimental-cxx-interop"]
            }
            return expandingResponseFiles(splitResponseFile(text), depth: depth + 1)
        }
    }

    private static func splitResponseFile(_ text: String) -> [String] {
        var arguments: [String] = [], current = "", quote: Character?, escaped = false, inArgument = false
        for character in text {
            if escaped { current.append(character); escaped = false; inArgument = true; continue }
            if character == "\\" { escaped = true; continue }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == "\"" || character == "'" { quote = character; inArgument = true; continue }
            if character.isWhitespace {
                if inArgument { arguments.append(current); current = ""; inArgument = false }
                continue
            }
            current.append(character)
            inArgument = true
        }
        if inArgument { arguments.append(current) }
        return arguments
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
