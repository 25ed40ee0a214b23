import Foundation

/// Whether an object file the build wrote holds code that runs at load or exit: a non-empty `.init_array`,
/// `.preinit_array`, `.fini_array`, `.ctors`, `.dtors`, `.init` or `.fini` section (or a section the linker brackets,
/// `isBracketed`, whose members code may walk, or one of thread-local variables, `holdsThreadLocals`, whose
/// initializers run on a first use that no call names). Constructors and destructors in any
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
        for section in 0..<count where field(section, 0x20, 8) > 0 {
            let start = Int(field(section, 0, 4))
            guard start < names.count else { return nil }
            let end = names[start...].firstIndex(of: 0) ?? names.endIndex
            let name = String(decoding: names[start..<end], as: UTF8.self)
            if isLoadTime(name) || isBracketed(name) || holdsThreadLocals(name) { return true }
        }
        return false
    }


    /// Whether the linker brackets a section of this name with `__start_<name>` and `__stop_<name>`: a name spelt like a C
    /// identifier. Code walking from one to the other calls what any object placed there, however it was placed (a
    /// `section` attribute, `#pragma clang section`, file-scope `asm`): the source is parsed, and the members are read
    /// from the object (`bracketedMembers(in:)`; the twenty-fourth sweep's `#pragma clang section` placed a hook that
    /// made a folder, read by no attribute).
    static func isBracketed(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The symbols an object defines in linker-bracketed sections (`isBracketed`), with the section's name.
    static func bracketedMembers(in object: ELFObject) -> [(section: String, name: String)] {
        var members: [(section: String, name: String)] = []
        for table in object.sections(ofType: 2 /* SHT_SYMTAB */) {
            for symbol in object.symbols(in: table)
            where symbol.section > 0 && symbol.section < object.sectionCount && symbol.type != 3 && symbol.type != 4 && !symbol.name.isEmpty {
                let section = object.sectionName(symbol.section)
                if isBracketed(section) { members.append((section, symbol.name)) }
            }
        }
        return members
    }

    /// Whether a section of this name holds thread-local variables (`.tbss`, `.tdata`). C++ initialises those with a
    /// dynamic initializer in a function of its own (`__tls_init`), on the first use of any thread-local of the file,
    /// with no init array entry: the twenty-sixth sweep's `thread_local` whose initializer made a folder when another
    /// variable of its file was read. The parse counts such initializers as load-time code (over-approximated).
    private static func holdsThreadLocals(_ name: String) -> Bool {
        [".tbss", ".tdata"].contains { name == $0 || name.hasPrefix($0 + ".") }
    }

    /// Whether a section of this name holds code the loader runs, or entries naming it.
    private static func isLoadTime(_ name: String) -> Bool {
        [".init_array", ".preinit_array", ".fini_array", ".ctors", ".dtors", ".init", ".fini"]
            .contains { name == $0 || name.hasPrefix($0 + ".") }
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
        ELFObject(path: path).map(entries(in:))
    }

    /// The init and fini arrays' sections, by the names the loader runs.
    static let arrays = [".init_array", ".preinit_array", ".fini_array", ".ctors", ".dtors"]

    /// As `entries(inObjectAt:)`, of an object already read.
    static func entries(in object: ELFObject) -> (names: [String], unnamed: Int, initCode: Bool) {
        var names: [String] = [], unnamed = 0, initCode = false, arraySections = Set<Int>()
        for section in 0..<object.sectionCount {
            let name = object.sectionName(section)
            // Code placed straight in `.init` or `.fini` (the loader runs those sections as they are).
            if (name == ".init" || name == ".fini" || name.hasPrefix(".init.") || name.hasPrefix(".fini.")) && object.field(section, 0x20, 8) > 0 {
                initCode = true
            }
            if arrays.contains(where: { name == $0 || name.hasPrefix($0 + ".") }) { arraySections.insert(section) }
        }
        for target in arraySections.sorted() {
            for (symbolSection, relocations) in object.relocations(of: target) where symbolSection < object.sectionCount {
                let symbols = object.symbols(in: symbolSection)
                for entry in relocations {
                    guard entry.symbol > 0, entry.symbol < symbols.count else { unnamed += 1; continue }
                    let referenced = symbols[entry.symbol]
                    if referenced.type == 3 /* STT_SECTION */ {
                        let function = symbols.first { $0.type == 2 /* STT_FUNC */ && $0.section == referenced.section && $0.value == entry.addend }
                        if let function { names.append(function.name) } else { unnamed += 1 }
                    } else if !referenced.name.isEmpty {
                        names.append(referenced.name)
                    } else {
                        unnamed += 1
                    }
                }
            }
        }
        return (names, unnamed, initCode)
    }

    /// The names of the code an object file defines: symbols with no type or of functions, in a section of code,
    /// without the assembler's local labels (`.L…`) and mapping symbols (`$x`). Compared with the functions the source
    /// defines in C, what is left was written in `asm`.
    static func definedCode(in object: ELFObject) -> [String] {
        var names: [String] = []
        for table in object.sections(ofType: 2 /* SHT_SYMTAB */) {
            for symbol in object.symbols(in: table) where (symbol.type == 0 || symbol.type == 2) && object.isCode(symbol.section) {
                guard !symbol.name.isEmpty, !symbol.name.hasPrefix(".L"), !symbol.name.hasPrefix("$") else { continue }
                names.append(symbol.name)
            }
        }
        return names
    }

    /// The functions an object file calls outside itself: its undefined global and weak symbols of no type or of
    /// functions, without a symbol version (`mkdir@GLIBC_2.2.5` → `mkdir`).
    static func undefinedSymbols(in object: ELFObject) -> [String] {
        var names = Set<String>()
        for table in object.sections(ofType: 2 /* SHT_SYMTAB */) {
            for symbol in object.symbols(in: table) where symbol.section == 0 && symbol.binding != 0 && (symbol.type == 0 || symbol.type == 2) {
                let name = symbol.name.prefix { $0 != "@" }
                if !name.isEmpty { names.insert(String(name)) }
            }
        }
        return names.sorted()
    }
}
