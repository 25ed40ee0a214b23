import Foundation

/// A 64-bit little-endian ELF file (an object the build wrote, or a runtime library), read for its sections and
/// symbols (never run).
struct ELFObject {
    struct Symbol {
        let name: String
        /// `STT_*`: 0 no type, 2 function, 3 section.
        let type: Int
        /// The index of the section that defines it (0: undefined; 0xff00 and up: special).
        let section: Int
        let value: Int
        /// `STB_*`: 0 local, 1 global, 2 weak.
        let binding: Int
        /// The size of the code or data it names (0 when unknown).
        var size = 0
    }

    private let data: Data
    private let table: Int, entrySize: Int
    let sectionCount: Int
    private let namesIndex: Int

    /// Nil when the file is missing or is not a 64-bit little-endian ELF object.
    init?(path: String, mapped: Bool = false) {
        let contents = mapped ? try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) : FileManager.default.contents(atPath: path)
        guard let data = contents else { return nil }
        self.init(data: data)
    }

    /// Nil when `data` is not a 64-bit little-endian ELF object (an archive's member, say).
    init?(data: Data) {
        let data = data.startIndex == 0 ? data : Data(data)
        guard data.count >= 64,
              data.prefix(4).elementsEqual([0x7F, 0x45, 0x4C, 0x46]), data[data.startIndex + 4] == 2, data[data.startIndex + 5] == 1
        else { return nil }
        self.data = data
        table = Int(data.integer(at: 0x28, size: 8))
        entrySize = Int(data.integer(at: 0x3A, size: 2))
        sectionCount = Int(data.integer(at: 0x3C, size: 2))
        namesIndex = Int(data.integer(at: 0x3E, size: 2))
        guard entrySize >= 64, sectionCount > 0, namesIndex < sectionCount, table + entrySize * sectionCount <= data.count else { return nil }
    }

    /// A field of section `section`'s header.
    func field(_ section: Int, _ offset: Int, _ size: Int) -> Int {
        Int(truncatingIfNeeded: data.integer(at: table + section * entrySize + offset, size: size))
    }

    func integer(at offset: Int, size: Int) -> Int { Int(truncatingIfNeeded: data.integer(at: offset, size: size)) }

    /// The file's bytes, for a loop over thousands of entries that reads them in place.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result { try data.withUnsafeBytes(body) }

    /// The string at `offset` of the string table in section `tableSection`.
    func string(_ tableSection: Int, _ offset: Int) -> String {
        data.withUnsafeBytes { Self.string(in: $0, at: field(tableSection, 0x18, 8) + offset) }
    }

    /// The NUL-terminated string at `start` of `bytes` ("" past the end).
    private static func string(in bytes: UnsafeRawBufferPointer, at start: Int) -> String {
        guard start >= 0, start < bytes.count, let base = bytes.baseAddress else { return "" }
        let first = base + start
        var length = bytes.count - start
        if let end = memchr(first, 0, length) { length = UnsafeRawPointer(end) - first }
        return String(decoding: UnsafeRawBufferPointer(start: first, count: length), as: UTF8.self)
    }

    func sectionName(_ section: Int) -> String { string(namesIndex, field(section, 0, 4)) }

    /// Whether section `section` holds code (`SHF_EXECINSTR`).
    func isCode(_ section: Int) -> Bool { section > 0 && section < sectionCount && field(section, 0x08, 8) & 0x4 != 0 }

    /// The symbols of the symbol table in section `symbols` (`SHT_SYMTAB` or `SHT_DYNSYM`), the null symbol first.
    func symbols(in symbols: Int) -> [Symbol] {
        let start = field(symbols, 0x18, 8), count = field(symbols, 0x20, 8) / 24, strings = field(symbols, 0x28, 4)
        guard start >= 0, count > 0, start + count * 24 <= data.count else { return [] }
        let names = field(strings, 0x18, 8)
        return data.withUnsafeBytes { bytes in
            (0..<count).map { index in
                let at = start + index * 24
                let info = Int(bytes.integer(at: at + 4, size: 1))
                return Symbol(name: Self.string(in: bytes, at: names + Int(bytes.integer(at: at, size: 4))), type: info & 0xF,
                              section: Int(bytes.integer(at: at + 6, size: 2)),
                              value: Int(truncatingIfNeeded: bytes.integer(at: at + 8, size: 8)), binding: info >> 4,
                              size: Int(truncatingIfNeeded: bytes.integer(at: at + 16, size: 8)))
            }
        }
    }

    /// The relocations that apply to section `target` (from its `SHT_RELA` sections), with the symbol table they use:
    /// each entry's offset in the section, symbol index and addend.
    func relocations(of target: Int) -> [(symbols: Int, entries: [(offset: Int, symbol: Int, addend: Int)])] {
        sections(ofType: 4).filter { field($0, 0x2C, 4) == target }.map { relocations in
            let start = field(relocations, 0x18, 8), size = field(relocations, 0x20, 8)
            let entries = stride(from: start, to: start + size, by: 24).map { entry in
                (offset: integer(at: entry, size: 8), symbol: Int(UInt64(truncatingIfNeeded: integer(at: entry + 8, size: 8)) >> 32),
                 addend: integer(at: entry + 16, size: 8))
            }
            return (field(relocations, 0x28, 4), entries)
        }
    }

    /// The sections of type `type` (`SHT_SYMTAB` 2, `SHT_RELA` 4, `SHT_DYNSYM` 11).
    func sections(ofType type: Int) -> [Int] { (0..<sectionCount).filter { field($0, 4, 4) == type } }
}

extension Data {
    /// A little-endian unsigned integer of `size` bytes at `offset` (0 past the end).
    func integer(at offset: Int, size: Int) -> UInt64 {
        withUnsafeBytes { $0.integer(at: offset, size: size) }
    }
}

extension UnsafeRawBufferPointer {
    /// A little-endian unsigned integer of `size` bytes at `offset` (0 past the end).
    func integer(at offset: Int, size: Int) -> UInt64 {
        guard offset >= 0, size >= 0, offset + size <= count else { return 0 }
        var value: UInt64 = 0
        for index in stride(from: offset + size - 1, through: offset, by: -1) { value = value << 8 | UInt64(self[index]) }
        return value
    }
}
