import Foundation

/// A source file's bytes and where each line starts, for reading what lies at an index location (a 1-based line and
/// UTF-8 column).
package struct SourceText: Sendable {
    package let bytes: [UInt8]
    /// The offset of each line's first byte.
    package let lineStarts: [Int]

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The file at `path`; nil when it cannot be read.
    package init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init(bytes: Array(data))
    }

    /// The byte offset of a 1-based line and UTF-8 column; nil past the end.
    package func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let offset = lineStarts[line - 1] + column - 1
        return offset < bytes.count ? offset : nil
    }

    /// Whether `byte` can be part of a Swift identifier: an ASCII letter, digit or `_`, or a byte of a non-ASCII
    /// character.
    package static func isSwiftIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80
    }
}
