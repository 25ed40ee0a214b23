import Foundation
import CapCheckSupport
import CapCheckModel
import SwiftParser
import SwiftSyntax

/// Swift sources parsed on demand, each once, for the value analysis.
package final class ParsedSwiftFiles {
    /// One parsed file.
    package struct File {
        package let path: String
        package let tree: SourceFileSyntax
        package let converter: SourceLocationConverter
        /// Whether two names of the file are one name to `String`'s `==` but not to Swift: identifiers compare by code
        /// point (`café` spelt with U+0301 and with U+00E9 are two variables, as are `KEY` and `KEY` with U+212A KELVIN
        /// SIGN), while `String` compares canonical equivalents equal, so a lookup by name could take a decoy
        /// declaration for the one used (found by the ninth sweep). The value lookup reads no name of such a file.
        package let conflatesNames: Bool

        /// The token at a 1-based line and UTF-8 column (what index records give).
        package func token(line: Int, column: Int) -> TokenSyntax? {
            let position = converter.position(ofLine: line, column: column)
            return tree.token(at: position)
        }

        /// Where a node starts.
        package func location(of node: some SyntaxProtocol) -> SourceLocation {
            let found = converter.location(for: node.positionAfterSkippingLeadingTrivia)
            return SourceLocation(file: path, line: found.line, column: found.column)
        }
    }

    private var files: [String: File?] = [:]

    package init() {}

    /// The parsed file, or nil when it cannot be read.
    package func file(_ path: String) -> File? {
        if let known = files[path] { return known }
        var parsed: File?
        if let data = FileManager.default.contents(atPath: path) {
            let tree = Parser.parse(source: String(decoding: data, as: UTF8.self))
            parsed = File(path: path, tree: tree, converter: SourceLocationConverter(fileName: path, tree: tree),
                          conflatesNames: data.contains(where: { $0 >= 0x80 }) && Self.conflatesNames(tree))
        }
        files[path] = parsed
        return parsed
    }

    /// Whether two identifiers of `tree` are equal as `String`s but differ in their bytes.
    static func conflatesNames(_ tree: SourceFileSyntax) -> Bool {
        var spellings: [String: String.UTF8View] = [:]
        for token in tree.tokens(viewMode: .sourceAccurate) {
            let name: String
            switch token.tokenKind {
            case .identifier(let text), .dollarIdentifier(let text): name = text
            default: continue
            }
            if let earlier = spellings[name] {
                if !earlier.elementsEqual(name.utf8) { return true }
            } else {
                spellings[name] = name.utf8
            }
        }
        return false
    }
}
