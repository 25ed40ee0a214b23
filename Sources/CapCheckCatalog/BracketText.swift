import CapCheckSupport
import CapCheckModel
import Foundation

/// Bracket-aware scanning of Swift declaration text: demangled names (`SwiftSymbolName`) and module
/// interface declarations (`SwiftInterfaceScanner`).
package enum BracketText {
    /// The index just past the bracket group starting at `start` (`(…)`, `<…>`, `[…]` or `{…}`, nesting all
    /// kinds; the `>` of `->` closes nothing).
    package static func skipBalanced(_ text: Substring, from start: Substring.Index) -> Substring.Index {
        var depth = 0
        var index = start
        while index < text.endIndex {
            switch text[index] {
            case "(", "<", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case ">" where index > text.startIndex && text[text.index(before: index)] != "-": depth -= 1
            default: break
            }
            index = text.index(after: index)
            if depth == 0 { break }
        }
        return index
    }

    /// The comma-separated parts of `text` at bracket depth zero; none for blank text.
    package static func splitTopLevel(_ text: Substring) -> [Substring] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        var parts: [Substring] = []
        var depth = 0
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "(", "<", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case ">" where index > text.startIndex && text[text.index(before: index)] != "-": depth -= 1
            case "," where depth == 0:
                parts.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }
}
