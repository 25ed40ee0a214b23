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
            parsed = File(path: path, tree: tree, converter: SourceLocationConverter(fileName: path, tree: tree))
        }
        files[path] = parsed
        return parsed
    }
}
