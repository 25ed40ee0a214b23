import CapCheckSupport
import CapCheckModel

/// Finds the declarations a `.swiftinterface` marks with an attribute (`@unsafe`), with the path the catalog
/// keys them by. Symbol graphs do not carry `@unsafe`, so the generator reads the module interface itself.
///
/// The scanner tracks braces outside string literals and comments. A `{` opens a named scope when the text
/// before it declares a type or an extension (`extension Swift.RawSpan {`), otherwise an anonymous one
/// (a function body, accessors); declarations are only read in named scopes and at top level, so nothing
/// inside an inlinable body is mistaken for a declaration.
package struct SwiftInterfaceScanner {
    /// A declaration carrying the attribute.
    package struct Declaration: Hashable {
        /// Type names then the declaration's base name (`["UnsafeRawBufferPointer", "bytes"]`).
        package let path: [String]
        /// Argument labels for functions and initializers (`fromByteOffset:as:`), nil otherwise.
        package let labels: String?
        package let isType: Bool
        /// Declared `public` or `open` (or a requirement of a protocol).
        package let isPublic: Bool

        package init(path: [String], labels: String?, isType: Bool, isPublic: Bool) {
            self.path = path
            self.labels = labels
            self.isType = isType
            self.isPublic = isPublic
        }
    }

    package let module: String
    package let attribute: String

    private static let typeKeywords: Set<String> = ["struct", "class", "enum", "protocol", "actor", "extension"]
    private static let modifiers: Set<String> = [
        "public", "open", "internal", "private", "fileprivate", "package", "static", "class", "final", "mutating",
        "nonmutating", "borrowing", "consuming", "__consuming", "override", "convenience", "required", "dynamic",
        "indirect", "nonisolated", "lazy", "optional", "weak", "unowned", "prefix", "postfix", "infix", "distributed",
    ]

    private struct Scope {
        package let path: [String]?  // nil: anonymous
        package let isProtocol: Bool
    }

    package func declarations(in text: String) -> [Declaration] {
        var found: [Declaration] = []
        var scopes: [Scope] = []
        var head = ""
        let characters = Array(text.unicodeScalars)
        var index = 0
        func currentPath() -> [String]? { scopes.isEmpty ? [] : scopes.last!.path }
        func declare(_ head: String, opensScope: Bool) -> Scope? {
            guard let path = currentPath() else { return opensScope ? Scope(path: nil, isProtocol: false) : nil }
            let parsed = parse(head)
            if let parsed, parsed.hasAttribute, let name = parsed.name, parsed.keyword != "extension" {
                let isPublic = parsed.isPublic || (scopes.last?.isProtocol ?? false)
                found.append(Declaration(path: path + [name], labels: parsed.labels,
                                         isType: Self.typeKeywords.contains(parsed.keyword), isPublic: isPublic))
            }
            guard opensScope else { return nil }
            guard let parsed, Self.typeKeywords.contains(parsed.keyword), let name = parsed.name else {
                return Scope(path: nil, isProtocol: false)
            }
            if parsed.keyword == "extension" {
                // `extension Swift.Span where …` extends `Span`: drop the module qualifier.
                var components = name.split(separator: ".").map(String.init)
                if components.first == module || components.count > 1 { components.removeFirst() }
                return Scope(path: components, isProtocol: false)
            }
            return Scope(path: path + [name], isProtocol: parsed.keyword == "protocol")
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"":
                index = Self.skipString(characters, from: index)
                head.append("\"\"")
                continue
            case "/" where index + 1 < characters.count && characters[index + 1] == "/":
                while index < characters.count && characters[index] != "\n" { index += 1 }
                continue
            case "/" where index + 1 < characters.count && characters[index + 1] == "*":
                index += 2
                while index + 1 < characters.count && !(characters[index] == "*" && characters[index + 1] == "/") { index += 1 }
                index += 2
                continue
            case "{":
                scopes.append(declare(head, opensScope: true)!)
                head = ""
            case "}":
                if !head.trimmingCharacters(in: .whitespaces).isEmpty { _ = declare(head, opensScope: false) }
                if !scopes.isEmpty { scopes.removeLast() }
                head = ""
            case "\n":
                if !head.trimmingCharacters(in: .whitespaces).isEmpty { _ = declare(head, opensScope: false) }
                head = ""
            default:
                head.unicodeScalars.append(character)
            }
            index += 1
        }
        if !head.trimmingCharacters(in: .whitespaces).isEmpty { _ = declare(head, opensScope: false) }
        return found
    }

    /// Skips a string literal starting at `start` (a `"`), including `"""` blocks and `\( … )` interpolations.
    private static func skipString(_ text: [Unicode.Scalar], from start: Int) -> Int {
        let isBlock = start + 2 < text.count && text[start + 1] == "\"" && text[start + 2] == "\""
        var index = start + (isBlock ? 3 : 1)
        while index < text.count {
            switch text[index] {
            case "\\":
                if index + 1 < text.count, text[index + 1] == "(" {
                    var depth = 0
                    index += 1
                    while index < text.count {
                        if text[index] == "\"" { index = skipString(text, from: index); continue }
                        if text[index] == "(" { depth += 1 }
                        if text[index] == ")" { depth -= 1; if depth == 0 { break } }
                        index += 1
                    }
                }
                index += 1
            case "\"":
                if !isBlock { return index + 1 }
                if index + 2 < text.count, text[index + 1] == "\"", text[index + 2] == "\"" { return index + 3 }
                index += 1
            case "\n" where !isBlock:
                return index
            default:
                index += 1
            }
        }
        return index
    }

    private struct Head {
        package var hasAttribute = false
        package var isPublic = false
        package var keyword = ""
        package var name: String?
        package var labels: String?
    }

    /// Reads `@attr @attr(…) modifiers keyword name<…>(labels…)` from the start of a declaration.
    private func parse(_ text: String) -> Head? {
        var rest = Substring(text).drop(while: { $0 == " " || $0 == "\t" })
        var head = Head()
        while rest.hasPrefix("@") {
            let nameEnd = rest.dropFirst().firstIndex(where: { !($0.isLetter || $0.isNumber || $0 == "_") }) ?? rest.endIndex
            if rest[rest.index(after: rest.startIndex)..<nameEnd] == Substring(attribute) { head.hasAttribute = true }
            rest = rest[nameEnd...]
            if rest.hasPrefix("(") { rest = rest[BracketText.skipBalanced(rest, from: rest.startIndex)...] }
            rest = rest.drop(while: { $0 == " " })
        }
        while true {
            let word = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
            guard !word.isEmpty else { return nil }
            rest = rest.dropFirst(word.count).drop(while: { $0 == " " })
            if word == "class" && Self.looksLikeTypeName(rest) { head.keyword = "class"; break }
            guard Self.modifiers.contains(String(word)) else { head.keyword = String(word); break }
            if word == "public" || word == "open" { head.isPublic = true }
            if rest.hasPrefix("(") { rest = rest[BracketText.skipBalanced(rest, from: rest.startIndex)...].drop(while: { $0 == " " }) }  // `private(set)`
        }
        switch head.keyword {
        case "func", "var", "let", "struct", "class", "enum", "protocol", "actor", "typealias", "associatedtype":
            let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "`" })
            guard !name.isEmpty else { return head }
            head.name = name.replacingOccurrences(of: "`", with: "")
            rest = rest.dropFirst(name.count)
            if head.keyword == "func" { head.labels = Self.labels(after: rest) }
        case "init":
            head.name = "init"
            head.labels = Self.labels(after: rest.drop(while: { $0 == "?" || $0 == "!" }))
        case "subscript":
            head.name = "subscript"
            head.labels = Self.labels(after: rest, subscript: true)
        case "extension":
            head.name = String(rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }))
        default:
            break
        }
        return head
    }

    /// `class` is a modifier in `class func f()` and a keyword in `class Foo`.
    private static func looksLikeTypeName(_ rest: Substring) -> Bool {
        let word = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
        return !word.isEmpty && !modifiers.contains(String(word)) && !["func", "var", "let", "subscript"].contains(String(word))
    }

    /// The argument labels of the parameter list following a function name (skipping generic parameters).
    /// A subscript parameter has a label only when it names two words (`unchecked i: Int`).
    private static func labels(after text: Substring, subscript isSubscript: Bool = false) -> String? {
        var rest = text
        if rest.hasPrefix("<") { rest = rest[BracketText.skipBalanced(rest, from: rest.startIndex)...] }
        guard rest.hasPrefix("(") else { return nil }
        let end = BracketText.skipBalanced(rest, from: rest.startIndex)
        let inside = rest[rest.index(after: rest.startIndex)..<rest.index(before: end)]
        return BracketText.splitTopLevel(inside).map { $0.drop(while: { $0 == " " }) }.map { parameter -> String in
            let words = parameter.split(separator: ":", maxSplits: 1).first?.split(separator: " ") ?? []
            if isSubscript && words.count < 2 { return "_:" }
            return (words.first.map(String.init) ?? "_") + ":"
        }.joined()
    }

    package init(module: String, attribute: String) {
        self.module = module
        self.attribute = attribute
    }
}
