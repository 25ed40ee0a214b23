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

private extension Data {
    /// A little-endian unsigned integer of `size` bytes at `offset` (0 past the end).
    func integer(at offset: Int, size: Int) -> UInt64 {
        guard offset >= 0, offset + size <= count else { return 0 }
        var value: UInt64 = 0
        for byte in self[(startIndex + offset)..<(startIndex + offset + size)].reversed() { value = value << 8 | UInt64(byte) }
        return value
    }
}
