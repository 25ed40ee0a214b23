import CapCheckSupport

/// The text of `asm` as libclang prints it: what a template names, so that code jumping to or storing the address of a
/// function no C code calls reaches it (`NativeSourceScanner`, `ObjectCallEdges`).
package enum AsmTemplates {
    /// The identifiers in the templates of the `asm` statements of printed code (clang prints a template as one string
    /// literal, whatever literals and macros made it, escaping only what is not printable): each escape is a separator.
    /// Operands and constraints (after the template's `:`) are C expressions the walk reads already.
    package static func identifiers(inPrinted text: String) -> [String] {
        let bytes = Array(text.utf8)
        var names: [String] = [], index = 0
        func isWord(_ byte: UInt8) -> Bool { SourceText.isSwiftIdentifierByte(byte) || byte == UInt8(ascii: "$") || byte == UInt8(ascii: ".") }
        while index < bytes.count {
            // `asm`, `__asm`, `__asm__`, then qualifiers, then `(` and the template literal.
            guard bytes[index] == UInt8(ascii: "a") || bytes[index] == UInt8(ascii: "_"),
                  index == 0 || !isWord(bytes[index - 1]) else { index += 1; continue }
            var end = index
            while end < bytes.count, isWord(bytes[end]) { end += 1 }
            let word = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end
            guard ["asm", "__asm", "__asm__"].contains(word) else { continue }
            while index < bytes.count, bytes[index] != UInt8(ascii: "("), bytes[index] != UInt8(ascii: ";") { index += 1 }
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: ";") { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { continue }
            index += 1
            var current: [UInt8] = []
            func flush() {
                if !current.isEmpty { names.append(String(decoding: current, as: UTF8.self)); current = [] }
            }
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    // An escape separates names: `\n`, `\t` (one letter), `\x4f` (hex digits), `\101` (up to three octal).
                    flush()
                    index += 1
                    guard index < bytes.count else { break }
                    if bytes[index] == UInt8(ascii: "x") {
                        index += 1
                        while index < bytes.count, (bytes[index] >= 0x30 && bytes[index] <= 0x39) || (bytes[index] >= 0x61 && bytes[index] <= 0x66)
                            || (bytes[index] >= 0x41 && bytes[index] <= 0x46) { index += 1 }
                    } else if bytes[index] >= 0x30 && bytes[index] <= 0x37 {
                        var digits = 0
                        while index < bytes.count, digits < 3, bytes[index] >= 0x30 && bytes[index] <= 0x37 { index += 1; digits += 1 }
                    } else {
                        index += 1
                    }
                    continue
                }
                if SourceText.isSwiftIdentifierByte(byte) || byte == UInt8(ascii: "$") { current.append(byte) } else { flush() }
                index += 1
            }
            flush()
        }
        return names
    }
}
