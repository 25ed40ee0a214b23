import CapCheckSupport

/// Text from the analysed packages (file names, package identities, symbols, values) made safe to show: a control
/// character (a terminal's escape sequence, a carriage return, a newline), a format character (bidirectional
/// overrides and isolates, zero-width marks) or a line separator is written as its escape, `\u{1B}`, so a file name can
/// neither erase nor forge a line of the report on a terminal, nor reorder what a reader sees (the thirteenth sweep:
/// a C file named `x␛[H␛[2J…capcheck: no violations….c` wiped a check's violations off the screen).
package enum VisibleText {
    /// `text` with every control, format and separator character escaped; `keepingNewlines` leaves `\n` as it is (for a
    /// whole report whose lines capcheck itself joined).
    package static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !(keepingNewlines && $0 == "\n") }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) && !(keepingNewlines && scalar == "\n") {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
