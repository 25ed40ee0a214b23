import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// `let (token, level) = (makeToken(), 3)`: one initializer binds several globals (or statics), and the index
/// attributes its references to one of them; reading any of the others runs it all the same. Swift globals and static
/// properties declared on the same line of a file reach each other (an over-approximation for `let a = 1, b = f()`), and
/// so do two declared one after the other on different lines when the source between their names holds only what a
/// tuple pattern can (`,`, parentheses, `_`, labels, comments, white space): `let (mode,⏎ home) = …`.
package struct PatternVariablesReachEachOtherRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var byLine: [String: [Int32]] = [:]
        var byFile: [String: [(location: SourceLocation, id: Int32)]] = [:]
        for (id, node) in graph.nodes.enumerated()
        where node.language == .swift && node.package != nil && [.variable, .staticProperty, .classProperty].contains(node.kind) {
            guard let location = node.location else { continue }
            byLine["\(location.file):\(location.line)", default: []].append(Int32(id))
            byFile[location.file, default: []].append((location, Int32(id)))
        }
        // Names of one pattern on different lines: each joins the group of the name before it.
        for (file, declared) in byFile where declared.count > 1 {
            let ordered = declared.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
            var source: SourceText?
            for (previous, next) in zip(ordered, ordered.dropFirst()) where next.location.line > previous.location.line {
                if source == nil { source = SourceText(path: file) ?? SourceText(bytes: []) }
                if let source, Self.onePattern(source, from: previous.location, to: next.location) {
                    byLine["\(file):\(next.location.line)", default: []].append(previous.id)
                }
            }
        }
        for group in byLine.values where group.count > 1 {
            for from in group {
                for to in group where to != from {
                    graph.addEdge(from: from, to: to, kind: .samePattern, site: graph.nodes[Int(to)].location)
                }
            }
        }
    }

    /// Whether the source between the name at `from` and the one at `to` is what separates two names of one tuple
    /// pattern. A file that cannot be read counts as one pattern (the cautious answer).
    static func onePattern(_ source: SourceText, from: SourceLocation, to: SourceLocation) -> Bool {
        let text = source.bytes
        guard !text.isEmpty else { return true }
        guard let start = source.offset(line: from.line, column: from.column), let end = source.offset(line: to.line, column: to.column),
              start < end else { return false }
        var index = start
        // The first name itself: an identifier or a back-quoted one.
        if text[index] == UInt8(ascii: "`") {
            index += 1
            while index < end, text[index] != UInt8(ascii: "`") { index += 1 }
            index += 1
        } else {
            while index < end, SourceText.isSwiftIdentifierByte(text[index]) { index += 1 }
        }
        while index < end {
            guard let next = Self.skippingTrivia(text, from: index, to: end) else { return false }
            index = next
            guard index < end else { break }
            let byte = text[index]
            if [UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")")].contains(byte) {
                index += 1
            } else if byte == UInt8(ascii: "`") || SourceText.isSwiftIdentifierByte(byte) {
                // `_`, or a label (`let (x: mode,⏎ y: home)`, `` `y`: home ``): an identifier, back-quoted or not, then
                // `:` (white space and comments between). Anything else (`let`, `var`, `static`, a type) is another
                // declaration.
                let word = index
                if byte == UInt8(ascii: "`") {
                    index += 1
                    while index < end, text[index] != UInt8(ascii: "`") { index += 1 }
                    index += 1
                } else {
                    while index < end, SourceText.isSwiftIdentifierByte(text[index]) { index += 1 }
                    if index - word == 1 && byte == UInt8(ascii: "_") { continue }
                }
                guard let colon = Self.skippingTrivia(text, from: index, to: end), colon < end, text[colon] == UInt8(ascii: ":") else {
                    return false
                }
                index = colon + 1
            } else {
                return false
            }
        }
        return true
    }

    /// The offset after the white space and comments at `index` (Swift's white space: space, tab, line breaks, NUL,
    /// vertical tab and form feed; comments nest); nil when a comment does not end before `end`.
    private static func skippingTrivia(_ text: [UInt8], from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            let byte = text[index]
            if byte == UInt8(ascii: "/"), index + 1 < end, text[index + 1] == UInt8(ascii: "/") {
                while index < end, text[index] != UInt8(ascii: "\n") { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < end, text[index + 1] == UInt8(ascii: "*") {
                var depth = 0
                repeat {  // Swift's block comments nest
                    if text[index] == UInt8(ascii: "/"), index + 1 < end, text[index + 1] == UInt8(ascii: "*") { depth += 1; index += 2 }
                    else if text[index] == UInt8(ascii: "*"), index + 1 < end, text[index + 1] == UInt8(ascii: "/") { depth -= 1; index += 2 }
                    else { index += 1 }
                } while depth > 0 && index < end
                if depth > 0 { return nil }
            } else if [0x20, 0x09, 0x0A, 0x0D, 0x00, 0x0B, 0x0C].contains(byte) {
                index += 1
            } else {
                break
            }
        }
        return index
    }
}
