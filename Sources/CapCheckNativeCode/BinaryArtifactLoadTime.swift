import Foundation

/// Whether a binary target's prebuilt libraries may hold load-time code (constructors, destructors, init-section
/// entries), which runs when the program starts however little of the library it calls: every ELF object under the
/// target's folder, each member of a static archive (`!<arch>`) included, is read for `LoadTimeSections`' sections
/// (the section table only; nothing is run). Sound over precise: a folder with no library capcheck can read, or any
/// member that is not a 64-bit little-endian ELF object (LLVM bitcode, another format), counts as holding some.
package enum BinaryArtifactLoadTime {
    package static func mayHoldLoadTimeCode(inFolder folder: String) -> Bool {
        guard let files = FileManager.default.enumerator(atPath: folder) else { return true }
        var readAny = false
        for case let relative as String in files {
            let path = folder + "/" + relative
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            let magic = (try? handle.read(upToCount: 8)) ?? Data()
            try? handle.close()
            let isELF = magic.starts(with: [0x7F, 0x45, 0x4C, 0x46]), isArchive = magic == Data("!<arch>\n".utf8)
            guard isELF || isArchive else { continue }
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return true }
            readAny = true
            let objects = isArchive ? members(of: data) : [data]
            guard let objects else { return true }
            for object in objects {
                guard let elf = ELFObject(data: object) else { return true }
                if LoadTimeSections.present(in: elf) { return true }
            }
        }
        return !readAny
    }

    /// The object members of a System V or GNU archive (its symbol and name tables left out); nil when it is cut short.
    static func members(of archive: Data) -> [Data]? {
        var result: [Data] = []
        var offset = archive.startIndex + 8
        while offset < archive.endIndex {
            guard offset + 60 <= archive.endIndex else { return nil }
            let name = String(decoding: archive[offset..<offset + 16], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let sizeField = String(decoding: archive[offset + 48..<offset + 58], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard let size = Int(sizeField), size >= 0, offset + 60 + size <= archive.endIndex else { return nil }
            let body = archive[offset + 60..<offset + 60 + size]
            // `/` and `/SYM64/`: the symbol table; `//`: long names; `__.SYMDEF`: BSD's symbol table.
            if !(name == "/" || name == "//" || name.hasPrefix("/SYM64/") || name.hasPrefix("__.SYMDEF")) {
                // BSD long names (`#1/<length>`) put the name before the object.
                if name.hasPrefix("#1/"), let length = Int(name.dropFirst(3)), length <= size {
                    result.append(Data(body.dropFirst(length)))
                } else {
                    result.append(Data(body))
                }
            }
            offset += 60 + size + size % 2
        }
        return result
    }
}
