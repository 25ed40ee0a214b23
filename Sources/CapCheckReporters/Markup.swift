import CapCheckSupport
import CapCheckModel

/// How a human format marks up the pieces of a sentence `Wording` writes: plain text, names in code, the blamed
/// package's name. Plain for text and SARIF messages.
package struct Markup: Sendable {
    /// Prose (escaped where the format needs it).
    package let text: @Sendable (String) -> String
    /// A name: a capability, a sink, a package, a target.
    package let code: @Sendable (String) -> String
    /// The package a sentence is about.
    package let package: @Sendable (String) -> String
    /// Code quoted inside prose (`#if`): in backticks in plain text, as code where the format has it.
    package let quote: @Sendable (String) -> String

    // Every piece may come from the analysed packages (a file name, an identity, a value): each markup escapes what its
    // format would read as markup, and every one what a terminal would act on (`VisibleText`).
    package static let plain = Markup(text: { VisibleText.escaped($0) }, code: { VisibleText.escaped($0) },
                                      package: { VisibleText.escaped($0) }, quote: { "`" + VisibleText.escaped($0) + "`" })
    package static let markdown = Markup(text: { escapeMarkdown(VisibleText.escaped($0)) },
                                         code: { codeSpan(VisibleText.escaped($0)) },
                                         package: { "**" + codeSpan(VisibleText.escaped($0)) + "**" },
                                         quote: { codeSpan(VisibleText.escaped($0)) })
    package static let html = Markup(text: { escapeHTML(VisibleText.escaped($0)) },
                                     code: { "<code>\(escapeHTML(VisibleText.escaped($0)))</code>" },
                                     package: { "<strong>\(escapeHTML(VisibleText.escaped($0)))</strong>" },
                                     quote: { "<code>\(escapeHTML(VisibleText.escaped($0)))</code>" })

    /// Markdown's inline markup, HTML and table pipes escaped with a backslash (`\|`, `\<`, `\*`), so text renders as
    /// written: a package identity `x | ✓ reached, granted |` cannot add a cell to a table row.
    package static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#!&".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// `text` as a Markdown code span: fenced by one backtick more than the longest run inside it (padded with spaces
    /// when it starts or ends with one), with table pipes escaped (GitHub's tables split cells at `|` even in code).
    package static func codeSpan(_ text: String) -> String {
        let fence = String(repeating: "`", count: longestBacktickRun(text) + 1)
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return fence + padded.replacingOccurrences(of: "|", with: "\\|") + fence
    }

    /// The fence for a fenced code block holding `lines`: three backticks, or one more than the longest run inside.
    package static func codeFence(for lines: [String]) -> String {
        String(repeating: "`", count: max(3, lines.map(longestBacktickRun).max().map { $0 + 1 } ?? 3))
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// Escapes text for HTML element content and double-quoted attributes.
    package static func escapeHTML(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
