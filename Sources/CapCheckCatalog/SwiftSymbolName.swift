import CapCheckSupport
import CapCheckModel

/// A demangled Swift name taken apart for catalog lookup:
/// `static (extension in FoundationEssentials):Swift.String.init(contentsOfFile: …, encoding: …) throws -> Swift.String`
/// becomes module `FoundationEssentials`, path `["String", "init"]`, labels `contentsOfFile:encoding:`.
public struct SwiftSymbolName: Hashable, Sendable {
    /// The module that declares the symbol (the extending module for extension members).
    public let module: String
    /// The module that declares the outermost type of `path` (or the symbol itself): differs from `module`
    /// for members of an extension in another module (`String` is `Swift`'s even in `FoundationEssentials`).
    public let typeModule: String
    /// Type names then the member's base name (without the module).
    public let path: [String]
    /// Argument labels as Swift spells them (`atPath:contents:`), or nil for non-function members.
    public let labels: String?

    /// `Type.member(labels:)` without the module.
    public var qualifiedMember: String {
        path.joined(separator: ".") + (labels.map { "(\($0))" } ?? "")
    }

    package static let accessorNames: Set<String> = [
        "getter", "setter", "modify", "_modify", "read", "_read", "unsafeAddressor", "unsafeMutableAddressor",
        "willset", "didset", "willSet", "didSet",
    ]

    /// Parses a demangled name; nil when it is not of a shape capcheck understands (closures, thunks…).
    public init?(demangled input: String) {
        var text = Substring(input)
        for prefix in ["static ", "class "] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        var extensionModule: String?
        // A member of a type nested in an extension prints one `(extension in M):` per context; the first is the member's.
        while text.hasPrefix("(extension in "), let colon = text.firstIndex(of: ":") {
            extensionModule = extensionModule ?? String(text[text.index(text.startIndex, offsetBy: 14)..<colon].dropLast())
            text = text[text.index(after: colon)...]
        }
        var components: [String] = []
        var current = ""
        var index = text.startIndex
        scan: while index < text.endIndex {
            let character = text[index]
            switch character {
            case ".":
                if !current.isEmpty { components.append(current) }
                current = ""
            case "(" where current.isEmpty:
                // A private name: `(action in _2E52C8B9…)`.
                guard let close = text[index...].firstIndex(of: ")") else { return nil }
                let inner = text[text.index(after: index)..<close]
                current = String(inner.split(separator: " ").first ?? inner)
                index = close
            case "<":
                // A constrained extension prints as `Swift.Slice< where A: …>.member`: skip the clause.
                let end = BracketText.skipBalanced(text, from: index)
                guard end < text.endIndex, text[end] == "." else { break scan }
                index = end
                continue
            case "(", " ":
                break scan
            default:
                current.append(character)
            }
            index = text.index(after: index)
        }
        if !current.isEmpty { components.append(current) }
        // Operators come as `Swift.?? infix<…>`; the word after the space is not part of the path.
        var labels: String?
        if index < text.endIndex, text[index] == " ", let nextParen = text[index...].firstIndex(where: { $0 == "(" || $0 == ":" }),
           text[nextParen] == "(" , text[index..<nextParen].allSatisfy({ $0 != "-" }) {
            index = nextParen
        }
        if index < text.endIndex, text[index] == "<" { index = BracketText.skipBalanced(text, from: index) }
        if index < text.endIndex, text[index] == "(" {
            let end = BracketText.skipBalanced(text, from: index)
            let inside = text[text.index(after: index)..<text.index(before: end)]
            labels = BracketText.splitTopLevel(inside).map { argument -> String in
                guard let colon = Self.topLevelLabelColon(argument) else { return "_:" }
                return argument[..<colon].trimmingCharacters(in: .whitespaces) + ":"
            }.joined()
        }
        // Accessors print as `Type.property.getter : T` (no argument list); a method named `read(…)` is not one.
        while labels == nil, let last = components.last, Self.accessorNames.contains(last), components.count > 2 {
            components.removeLast()
        }
        guard components.count >= 2 else { return nil }
        module = extensionModule ?? components[0]
        typeModule = components[0]
        path = Array(components.dropFirst())
        // Subscripts are keyed without labels: their accessors (what calls name) print no argument list.
        self.labels = path.last == "subscript" ? nil : labels
    }

    /// The colon ending an argument label (`atPath: Swift.String`), ignoring colons inside types.
    private static func topLevelLabelColon(_ argument: Substring) -> Substring.Index? {
        let trimmed = argument.drop(while: { $0 == " " })
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let label = trimmed[..<colon]
        guard !label.isEmpty, label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return colon
    }
}
