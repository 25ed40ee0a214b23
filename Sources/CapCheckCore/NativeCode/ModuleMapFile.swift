import Foundation

/// What a system library target's `module.modulemap` declares: the modules it provides and the libraries it links.
struct ModuleMapFile: Equatable {
    var modules: [String] = []
    var linkedLibraries: [String] = []

    /// Reads `<target folder>/module.modulemap`; nil when there is none.
    static func read(targetFolder: String) -> ModuleMapFile? {
        let path = URL(fileURLWithPath: targetFolder).appendingPathComponent("module.modulemap").path
        return (try? String(contentsOfFile: path, encoding: .utf8)).map(parse)
    }

    /// Parses the declarations capcheck needs: `[explicit|framework] module Name`, `link [framework] "lib"`.
    static func parse(_ text: String) -> ModuleMapFile {
        var result = ModuleMapFile()
        let words = text.replacingOccurrences(of: "{", with: " { ").replacingOccurrences(of: "}", with: " } ")
            .split(whereSeparator: { $0.isWhitespace }).map(String.init)
        for (index, word) in words.enumerated() where index + 1 < words.count {
            if word == "module", words[index + 1] != "*" {
                let name = words[index + 1]
                if !result.modules.contains(name) { result.modules.append(name) }
            }
            if word == "link" {
                let next = words[index + 1] == "framework" && index + 2 < words.count ? words[index + 2] : words[index + 1]
                if next.hasPrefix("\"") { result.linkedLibraries.append(next.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
            }
        }
        return result
    }
}
