import CapCheckSupport
import CapCheckModel
import CapCheckCatalog
import Foundation

/// A strict RFC 8259 JSON parser that records the line and column of every value and object key.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted; deeper input is an error, not a crash.
    public static let maxDepth = 512

    /// Parses `data` as one JSON document. A leading UTF-8 byte order mark is ignored.
    /// Columns count Unicode scalars, so `é` is one column.
    /// - Throws: `CapCheckError(.policy, "<file>:<line>:<col>: <problem>")` for invalid UTF-8,
    ///   syntax errors, duplicate keys or nesting deeper than `maxDepth`.
    public static func parse(_ data: Data, file: String) throws -> JSONValue {
        var scanner = Scanner(bytes: [UInt8](data), file: file)
        if scanner.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        try scanner.validateUTF8()
        scanner.skipWhitespace()
        let value = try scanner.document()
        scanner.skipWhitespace()
        if scanner.current != nil { throw scanner.error("unexpected \(scanner.describeCurrent()) after the JSON value") }
        return value
    }
}

private struct Scanner {
    package let bytes: [UInt8]
    package let file: String
    package var index = 0
    package var line = 1
    package var column = 1

    package var position: SourcePosition { SourcePosition(line: line, column: column) }
    package var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Consumes one byte; continuation bytes of a multi-byte scalar do not advance the column.
    package mutating func advance() {
        guard let byte = current else { return }
        index += 1
        if byte == 0x0A { (line, column) = (line + 1, 1) } else if byte & 0xC0 != 0x80 { column += 1 }
    }

    package func error(_ what: String, at position: SourcePosition? = nil) -> CapCheckError {
        let at = position ?? self.position
        return CapCheckError(.policy, "\(file):\(at.line):\(at.column): \(what)")
    }

    package func validateUTF8() throws {
        var line = 1, column = 1
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
            case .emptyInput: return
            case .error: throw error("invalid UTF-8; save the policy file as UTF-8", at: SourcePosition(line: line, column: column))
            }
        }
    }

    /// The current character for messages: `'x'`, `U+0009` or `end of file`.
    package func describeCurrent() -> String {
        guard let byte = current else { return "end of file" }
        if byte > 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let scalar = String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
        return "U+" + (scalar ?? Unicode.Scalar(byte)).hex4
    }

    package mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    /// Parses one value without recursion: open arrays and objects wait on an explicit stack,
    /// so deep input costs heap, not call stack.
    package mutating func document() throws -> JSONValue {
        var stack: [Container] = []
        while true {
            skipWhitespace()
            let start = position
            var value: JSONValue
            switch current {
            case UInt8(ascii: "{")?, UInt8(ascii: "[")?:
                guard stack.count < JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
                let container = Container(start: start, isObject: current == UInt8(ascii: "{"))
                advance()
                skipWhitespace()
                if current == container.close {
                    advance()
                    value = container.value
                } else {
                    if container.isObject { try readKey(into: container) }
                    stack.append(container)
                    continue
                }
            case UInt8(ascii: "\"")?: value = JSONValue(kind: .string(try string()), position: start)
            case UInt8(ascii: "-")?, .some(UInt8(ascii: "0")...UInt8(ascii: "9")): value = JSONValue(kind: .number(try number()), position: start)
            case UInt8(ascii: "t")?: try literal("true"); value = JSONValue(kind: .bool(true), position: start)
            case UInt8(ascii: "f")?: try literal("false"); value = JSONValue(kind: .bool(false), position: start)
            case UInt8(ascii: "n")?: try literal("null"); value = JSONValue(kind: .null, position: start)
            default: throw error("expected a JSON value, found \(describeCurrent())")
            }
            // Hand the finished value to the open containers, closing each one that ends here.
            while let container = stack.last {
                container.add(value)
                skipWhitespace()
                if current == container.close {
                    advance()
                    stack.removeLast()
                    value = container.value
                    continue
                }
                guard current == UInt8(ascii: ",") else {
                    let what = container.isObject ? "',' or '}' after an object member" : "',' or ']' after an array element"
                    throw error("expected \(what), found \(describeCurrent())")
                }
                let comma = position
                advance()
                skipWhitespace()
                if current == container.close {
                    throw error("trailing comma before '\(Character(Unicode.Scalar(container.close)))'; remove it", at: comma)
                }
                if container.isObject { try readKey(into: container) }
                break
            }
            if stack.isEmpty { return value }
        }
    }

    /// Reads `"key":` for the next member of `container`, rejecting duplicate keys.
    package mutating func readKey(into container: Container) throws {
        guard current == UInt8(ascii: "\"") else { throw error("expected a string key or '}', found \(describeCurrent())") }
        let keyPosition = position
        let key = try string()
        if let first = container.seen[key] {
            throw error("duplicate key \(key.quoted) (first at \(first.line):\(first.column))", at: keyPosition)
        }
        container.seen[key] = keyPosition
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key \(key.quoted), found \(describeCurrent())") }
        advance()
        (container.key, container.keyPosition) = (key, keyPosition)
    }

    /// `\"  \\  \/  \b  \f  \n  \r  \t` by the byte after the backslash.
    package static let escapes: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]

    package mutating func string() throws -> String {
        let start = position
        advance()
        var utf8: [UInt8] = []
        while true {
            guard let byte = current, byte != 0x0A else {
                throw error("unterminated string; close it with '\"' (write a line break as \\n)", at: start)
            }
            switch byte {
            case UInt8(ascii: "\""): advance(); return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escape = position
                advance()
                if let next = current, let replacement = Self.escapes[next] {
                    utf8.append(replacement)
                    advance()
                } else if current == UInt8(ascii: "u") {
                    UTF8.encode(try unicodeEscape(at: escape)) { utf8.append($0) }
                } else {
                    throw error("invalid escape '\\' followed by \(describeCurrent())", at: escape)
                }
            case 0..<0x20: throw error("control character U+\(Unicode.Scalar(byte).hex4) must be escaped in a string")
            default: utf8.append(byte); advance()
            }
        }
    }

    /// Reads `uXXXX` (after the backslash), combining a surrogate pair when one follows.
    package mutating func unicodeEscape(at escape: SourcePosition) throws -> Unicode.Scalar {
        let high = try hex4(at: escape)
        if (0xDC00...0xDFFF).contains(high) {
            throw error("unpaired low surrogate \\u\(String(high, radix: 16, uppercase: true))", at: escape)
        }
        if (0xD800...0xDBFF).contains(high) {
            let second = position
            if current == UInt8(ascii: "\\") {
                advance()
                let low = try current == UInt8(ascii: "u") ? hex4(at: second) : 0
                if (0xDC00...0xDFFF).contains(low) {
                    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
                }
            }
            throw error("unpaired high surrogate: expected a \\uDC00-\\uDFFF escape after it", at: escape)
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    /// Reads `u` and four hex digits.
    package mutating func hex4(at escape: SourcePosition) throws -> UInt32 {
        advance()
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = UInt32(String(Unicode.Scalar(byte)), radix: 16) else {
                throw error("invalid \\u escape: expected 4 hexadecimal digits", at: escape)
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    package mutating func number() throws -> String {
        let startIndex = index, start = position
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if current == UInt8(ascii: "-") { advance() }
        guard isDigit(current) else { throw error("invalid number: expected a digit, found \(describeCurrent())") }
        if current == UInt8(ascii: "0") {
            advance()
            if isDigit(current) { throw error("invalid number: leading zeros are not allowed", at: start) }
        }
        while isDigit(current) { advance() }
        if current == UInt8(ascii: ".") {
            advance()
            guard isDigit(current) else { throw error("invalid number: expected a digit after '.'") }
            while isDigit(current) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard isDigit(current) else { throw error("invalid number: expected a digit in the exponent") }
            while isDigit(current) { advance() }
        }
        return String(decoding: bytes[startIndex..<index], as: UTF8.self)
    }

    package mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else {
            throw error("invalid literal; expected true, false, null, a number, a string, an array or an object")
        }
        for _ in expected { advance() }
    }
}

/// An array or object still being parsed; a class so that appending does not copy.
private final class Container {
    package let start: SourcePosition
    package let isObject: Bool
    package var elements: [JSONValue] = []
    package var members: [JSONValue.Member] = []
    package var seen: [String: SourcePosition] = [:]
    package var key = "", keyPosition = SourcePosition(line: 0, column: 0)

    package init(start: SourcePosition, isObject: Bool) { (self.start, self.isObject) = (start, isObject) }

    package var close: UInt8 { isObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }
    package var value: JSONValue { JSONValue(kind: isObject ? .object(members) : .array(elements), position: start) }

    package func add(_ value: JSONValue) {
        if isObject { members.append(JSONValue.Member(key: key, keyPosition: keyPosition, value: value)) } else { elements.append(value) }
    }
}
