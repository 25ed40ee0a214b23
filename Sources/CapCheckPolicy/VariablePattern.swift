import CapCheckSupport

/// An environment variable pattern from an `env:` entry: a name `[A-Za-z_][A-Za-z0-9_]*`, or a prefix glob that
/// ends in one `*` (`NIO_*`: every variable whose name starts with `NIO_`). Names compare case-sensitively.
public enum VariablePattern: Hashable, Sendable, CustomStringConvertible {
    /// Exactly this variable.
    case name(String)
    /// Every variable whose name starts with this prefix (written with a trailing `*`).
    case prefix(String)

    private static let example = "like env:OPENSSL_ia32cap or env:NIO_*"

    /// Parses an `env:` value.
    package init(parsing text: String) throws(ValuePatternError) {
        guard !text.isEmpty else { throw ValuePatternError("\"env:\" needs a variable name or a prefix glob, \(Self.example)") }
        let isPrefix = text.hasSuffix("*")
        let name = isPrefix ? String(text.dropLast()) : text
        if isPrefix && name.isEmpty {
            throw ValuePatternError("\"env:*\" would be every variable; write plain \"env\" instead")
        }
        guard Self.isName(name) else {
            throw ValuePatternError("\(text.quoted) is not a variable name ([A-Za-z_][A-Za-z0-9_]*) or a prefix glob ending in one \"*\", \(Self.example)")
        }
        self = isPrefix ? .prefix(name) : .name(name)
    }

    /// Whether `text` is a portable variable name, `[A-Za-z_][A-Za-z0-9_]*`.
    private static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    public var description: String {
        switch self {
        case .name(let name): return name
        case .prefix(let prefix): return prefix + "*"
        }
    }

    /// Whether the variable named `name` is allowed, comparing bytes (`getenv` does; `String`'s `==` would take `KEY`
    /// spelt with U+212A KELVIN SIGN for `KEY`).
    package func matches(name: String) -> Bool {
        switch self {
        case .name(let own): return name.utf8.elementsEqual(own.utf8)
        case .prefix(let own): return name.utf8.starts(with: own.utf8)
        }
    }

    /// Whether every variable whose name starts with `prefix` is allowed.
    package func covers(prefix: String) -> Bool {
        guard case .prefix(let own) = self else { return false }
        return prefix.utf8.starts(with: own.utf8)
    }

    /// Whether every variable this pattern allows is allowed by `other`.
    package func isWithin(_ other: VariablePattern) -> Bool {
        switch self {
        case .name(let name): return other.matches(name: name)
        case .prefix(let prefix): return other.covers(prefix: prefix)
        }
    }
}
