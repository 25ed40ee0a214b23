import CapCheckSupport
import CapCheckModel
import Foundation

/// What the module maps of a system-library or binary target declare: the modules it provides and the libraries
/// it links; and, of the module map SwiftPM writes for a C target, where its public headers are (its umbrella).
package struct ModuleMapFile: Equatable {
    package var modules: [String] = []
    package var linkedLibraries: [String] = []
    /// The first `umbrella "folder"` or `umbrella header "file.h"` (`isHeader`), as written.
    package var umbrella: Umbrella?

    package struct Umbrella: Equatable {
        package let path: String
        package let isHeader: Bool
    }

    /// Reads `<target folder>/module.modulemap`; nil when there is none.
    package static func read(targetFolder: String) -> ModuleMapFile? {
        let path = URL(fileURLWithPath: targetFolder).appendingPathComponent("module.modulemap").path
        return (try? String(contentsOfFile: path, encoding: .utf8)).map(parse)
    }

    /// The files of a target whose `link` names reach the link step: a system library's `module.modulemap`, a C-family
    /// target's own `include/module.modulemap` (SwiftPM uses it instead of making one), and every module map inside a
    /// binary target's artifact (the thirtieth sweep's bundle asked for `--ld-path=` in one the check never read).
    package static func linkingFiles(of target: Target) -> [String] {
        if target.kind == .binary { return paths(of: target) }
        return ["module.modulemap", "include/module.modulemap"].map { URL(fileURLWithPath: target.path).appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// The module maps of a target: `<folder>/module.modulemap` for a system library; for a binary target (an
    /// artifact bundle or XCFramework folder) every `*.modulemap` inside it, whatever its module names (a bundle's
    /// module need not be named like its target). Nil when there is none.
    package static func read(_ target: Target) -> ModuleMapFile? {
        var found: ModuleMapFile?
        for path in paths(of: target) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let map = parse(text)
            var merged = found ?? ModuleMapFile()
            for module in map.modules where !merged.modules.contains(module) { merged.modules.append(module) }
            for library in map.linkedLibraries where !merged.linkedLibraries.contains(library) { merged.linkedLibraries.append(library) }
            found = merged
        }
        return found
    }

    /// The files `read(_:)` reads for a target (those that exist).
    package static func paths(of target: Target) -> [String] {
        let folder = URL(fileURLWithPath: target.path)
        guard target.kind == .binary else {
            let path = folder.appendingPathComponent("module.modulemap").path
            return FileManager.default.fileExists(atPath: path) ? [path] : []
        }
        guard let walker = FileManager.default.enumerator(atPath: target.path) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".modulemap") { paths.append(folder.appendingPathComponent(relative).path) }
        }
        return paths
    }

    /// Parses the declarations capcheck needs: `[explicit|framework] module Name`, `link [framework] "lib"`,
    /// `umbrella [header] "path"`.
    package static func parse(_ text: String) -> ModuleMapFile {
        var result = ModuleMapFile()
        let words = text.replacingOccurrences(of: "{", with: " { ").replacingOccurrences(of: "}", with: " } ")
            .split(whereSeparator: { $0.isWhitespace }).map(String.init)
        for (index, word) in words.enumerated() where index + 1 < words.count {
            if word == "module", words[index + 1] != "*" {
                let name = words[index + 1]
                if !result.modules.contains(name) { result.modules.append(name) }
            }
        }
        // `link [framework] "name"`: the whole quoted name, spaces included (`"m --ld-path=/x"` is no library `m`).
        let link = try? NSRegularExpression(pattern: #"\blink\s+(?:framework\s+)?"([^"]*)""#)
        for match in link?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? [] {
            if let name = Range(match.range(at: 1), in: text) { result.linkedLibraries.append(String(text[name])) }
        }
        let umbrella = try? NSRegularExpression(pattern: #"\bumbrella\s+(header\s+)?"([^"]+)""#)
        if let match = umbrella?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
           let path = Range(match.range(at: 2), in: text) {
            result.umbrella = Umbrella(path: String(text[path]), isHeader: match.range(at: 1).location != NSNotFound)
        }
        return result
    }

    package init(modules: [String] = [], linkedLibraries: [String] = []) {
        self.modules = modules
        self.linkedLibraries = linkedLibraries
    }
}
