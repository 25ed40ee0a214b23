import Foundation

/// Whether an object file the build wrote holds code that runs at load or exit: a non-empty `.init_array`,
/// `.preinit_array`, `.fini_array`, `.ctors`, `.dtors`, `.init` or `.fini` section. Constructors and destructors in any
/// spelling, hand-made init-section entries and C++ dynamic initializers all end up there, so this is how the
/// prefilter knows a source has load-time code without parsing it (the source is then parsed, to find which
/// definitions run). Only the ELF section table is read; the object is never run.
package enum LoadTimeSections {
    /// The answer for the object at `path`: nil when the file is missing or is not a 64-bit little-endian ELF object
    /// (the prefilter then parses the source).
    package static func present(inObjectAt path: String) -> Bool? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 64), header.count == 64,
              header.prefix(4).elementsEqual([0x7F, 0x45, 0x4C, 0x46]), header[4] == 2 /* 64-bit */, header[5] == 1 /* LE */
        else { return nil }
        let sectionTable = Int(header.integer(at: 0x28, size: 8))
        let entrySize = Int(header.integer(at: 0x3A, size: 2))
        let count = Int(header.integer(at: 0x3C, size: 2))
        let namesIndex = Int(header.integer(at: 0x3E, size: 2))
        guard entrySize >= 64, count > 0, namesIndex < count, count < 1 << 16,
              (try? handle.seek(toOffset: UInt64(sectionTable))) != nil,
              let table = try? handle.read(upToCount: entrySize * count), table.count == entrySize * count else { return nil }
        func field(_ section: Int, _ offset: Int, _ size: Int) -> UInt64 { table.integer(at: section * entrySize + offset, size: size) }
        let namesOffset = field(namesIndex, 0x18, 8), namesSize = Int(field(namesIndex, 0x20, 8))
        guard namesSize < 1 << 26, (try? handle.seek(toOffset: namesOffset)) != nil,
              let names = try? handle.read(upToCount: namesSize), names.count == namesSize else { return nil }
        let loadTime = [".init_array", ".preinit_array", ".fini_array", ".ctors", ".dtors", ".init", ".fini"]
        for section in 0..<count where field(section, 0x20, 8) > 0 {
            let start = Int(field(section, 0, 4))
            guard start < names.count else { return nil }
            let end = names[start...].firstIndex(of: 0) ?? names.endIndex
            let name = String(decoding: names[start..<end], as: UTF8.self)
            if loadTime.contains(where: { name == $0 || name.hasPrefix($0 + ".") }) { return true }
        }
        return false
    }
}

extension LoadTimeSections {
    /// The functions an object file's init and fini arrays (`.init_array`, `.preinit_array`, `.fini_array`, `.ctors`,
    /// `.dtors`) point at, by symbol name, read from their relocations: whatever put an entry there (an attribute, a
    /// `section` variable, file-scope `asm` with `.pushsection .init_array`), the entry names the function the loader
    /// calls. A relocation against a section symbol (a `static` function) is named by the function symbol at that
    /// offset. Nil when the file is not a 64-bit little-endian ELF object; `unnamed` counts entries no symbol names;
    /// `initCode` says whether code was placed straight in `.init` or `.fini`.
    package static func entries(inObjectAt path: String) -> (names: [String], unnamed: Int, initCode: Bool)? {
        guard let data = FileManager.default.contents(atPath: path), data.count >= 64,
              data.prefix(4).elementsEqual([0x7F, 0x45, 0x4C, 0x46]), data[data.startIndex + 4] == 2, data[data.startIndex + 5] == 1
        else { return nil }
        let table = Int(data.integer(at: 0x28, size: 8)), entrySize = Int(data.integer(at: 0x3A, size: 2))
        let count = Int(data.integer(at: 0x3C, size: 2)), namesIndex = Int(data.integer(at: 0x3E, size: 2))
        guard entrySize >= 64, count > 0, namesIndex < count, table + entrySize * count <= data.count else { return nil }
        func field(_ section: Int, _ offset: Int, _ size: Int) -> Int { Int(truncatingIfNeeded: data.integer(at: table + section * entrySize + offset, size: size)) }
        func string(_ tableSection: Int, _ offset: Int) -> String {
            let start = field(tableSection, 0x18, 8) + offset
            guard start >= 0, start < data.count else { return "" }
            let bytes = data[(data.startIndex + start)...].prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let arrays = [".init_array", ".preinit_array", ".fini_array", ".ctors", ".dtors"]
        var names: [String] = [], unnamed = 0
        // Code placed straight in `.init` or `.fini` (the loader runs those sections as they are).
        let initCode = (0..<count).contains { section in
            let name = string(namesIndex, field(section, 0, 4))
            return (name == ".init" || name == ".fini" || name.hasPrefix(".init.") || name.hasPrefix(".fini.")) && field(section, 0x20, 8) > 0
        }
        for relocations in 0..<count where field(relocations, 4, 4) == 4 /* SHT_RELA */ {
            let target = field(relocations, 0x2C, 4), symbols = field(relocations, 0x28, 4)
            guard target < count, symbols < count else { continue }
            let targetName = string(namesIndex, field(target, 0, 4))
            guard arrays.contains(where: { targetName == $0 || targetName.hasPrefix($0 + ".") }) else { continue }
            let symbolTable = field(symbols, 0x18, 8), symbolCount = field(symbols, 0x20, 8) / 24, strings = field(symbols, 0x28, 4)
            func symbol(_ index: Int) -> (name: String, type: Int, section: Int, value: Int) {
                let at = symbolTable + index * 24
                return (string(strings, Int(data.integer(at: at, size: 4))), Int(data.integer(at: at + 4, size: 1)) & 0xF,
                        Int(data.integer(at: at + 6, size: 2)), Int(truncatingIfNeeded: data.integer(at: at + 8, size: 8)))
            }
            let start = field(relocations, 0x18, 8), size = field(relocations, 0x20, 8)
            for entry in stride(from: start, to: start + size, by: 24) {
                let index = Int(data.integer(at: entry + 8, size: 8) >> 32), addend = Int(truncatingIfNeeded: data.integer(at: entry + 16, size: 8))
                guard index > 0, index < symbolCount else { unnamed += 1; continue }
                let referenced = symbol(index)
                if referenced.type == 3 /* STT_SECTION */ {
                    let function = (1..<symbolCount).lazy.map(symbol).first {
                        $0.type == 2 /* STT_FUNC */ && $0.section == referenced.section && $0.value == addend
                    }
                    if let function { names.append(function.name) } else { unnamed += 1 }
                } else if !referenced.name.isEmpty {
                    names.append(referenced.name)
                } else {
                    unnamed += 1
                }
            }
        }
        return (names, unnamed, initCode)
    }
}

private extension Data {
    /// A little-endian unsigned integer of `size` bytes at `offset` (0 past the end).
    func integer(at offset: Int, size: Int) -> UInt64 {
        guard offset >= 0, offset + size <= count else { return 0 }
        var value: UInt64 = 0
        for byte in self[(startIndex + offset)..<(startIndex + offset + size)].reversed() { value = value << 8 | UInt64(byte) }
        return value
    }
}
