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

    package static let plain = Markup(text: { $0 }, code: { $0 }, package: { $0 })
    package static let markdown = Markup(text: { $0 }, code: { "`\($0)`" }, package: { "**`\($0)`**" })
    package static let html = Markup(text: escapeHTML, code: { "<code>\(escapeHTML($0))</code>" },
                                     package: { "<strong>\(escapeHTML($0))</strong>" })

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
