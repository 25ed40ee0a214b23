import Foundation

/// `String(decoding:as: Latin.self)` runs `_isScalar(_:)` and the parser's `_parseMultipleCodeUnits()`: underscored
/// requirements of `_UnicodeEncoding` and `_UTFParser` the index relates to nothing.
public enum Latin: Unicode.Encoding {
    public typealias CodeUnit = UInt8
    public typealias EncodedScalar = _ValidUTF8Buffer
    public static var encodedReplacementCharacter: EncodedScalar { Unicode.UTF8.encodedReplacementCharacter }
    public static func decode(_ content: EncodedScalar) -> Unicode.Scalar { Unicode.UTF8.decode(content) }
    public static func encode(_ content: Unicode.Scalar) -> EncodedScalar? { Unicode.UTF8.encode(content) }
    public static func _isScalar(_ x: UInt8) -> Bool {
        _ = try? FileManager.default.contentsOfDirectory(atPath: "/tmp")
        return x < 0x80
    }
    public struct Parser: Unicode.Parser, _UTFParser {
        public typealias Encoding = Latin
        public var _buffer: _UIntBuffer<UInt8>
        public init() { _buffer = _UIntBuffer() }
        public func _parseMultipleCodeUnits() -> (isValid: Bool, bitCount: UInt8) {
            _ = try? FileManager.default.attributesOfItem(atPath: "/tmp")
            var parser = Unicode.UTF8.ForwardParser()
            parser._buffer = _buffer
            return parser._parseMultipleCodeUnits()
        }
        public func _bufferedScalar(bitCount: UInt8) -> _ValidUTF8Buffer {
            var parser = Unicode.UTF8.ForwardParser()
            parser._buffer = _buffer
            return parser._bufferedScalar(bitCount: bitCount)
        }
    }
    public typealias ForwardParser = Parser
    public typealias ReverseParser = Parser
}
