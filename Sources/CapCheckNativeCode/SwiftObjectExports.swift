import CapCheckSupport
import Foundation

/// What a Swift object file the build wrote lets run without a Swift call naming it, read from its symbols and
/// relocations (never run): a function exported under a C symbol (`@_cdecl`, `@c`, `@_silgen_name` with a body,
/// `@_expose`), which any C code, a lookup by name or the loader (`__gmon_start__`) may call, and an entry of an init or
/// fini array (`@section(".init_array")`). The Swift source scan reads the attributes that do this; the object shows
/// them however they were written, a macro's expansion included, which no source file holds.
package enum SwiftObjectExports {
    package struct Entry: Sendable, Hashable {
        /// The C symbol, or the init or fini array entry's function.
        package let symbol: String
        /// The mangled name of the Swift code that runs (the function an export's code calls, or the entry's function);
        /// nil when the code calls no single Swift function (`@c` compiles the body under the C name itself).
        package let swiftSymbol: String?
        package let isLoadTime: Bool
    }

    /// Helpers the compiler emits under C names in modules, weak (`__swift_memcpy1_1`, `swift_willThrowTyped`,
    /// `dynamic_cast_existential_1_conditional`): an export the code asks for is a strong definition.
    private static let helperPrefixes = ["__swift_", "_swift_", "swift_", "dynamic_cast_existential_"]

    /// The entries of the object at `path`, compiled for `module`; nil when it is not a 64-bit little-endian ELF object.
    package static func entries(inObjectAt path: String, module: String) -> [Entry]? {
        read(objectAt: path, module: module)?.entries
    }

    /// The entries of the object at `path` and the names, not Swift-mangled, of the symbols it uses and does not define
    /// (the C functions its code calls, whichever Swift declaration binds them: one a macro expanded, which no source
    /// file holds, included); nil when it is not a 64-bit little-endian ELF object.
    package static func read(objectAt path: String, module: String) -> (entries: [Entry], undefined: [String])? {
        guard let object = ELFObject(path: path, mapped: true) else { return nil }
        var entries: [Entry] = [], undefined: [String] = []
        for table in object.sections(ofType: 2 /* SHT_SYMTAB */) {
            // Only global and weak symbols whose name is not Swift-mangled are read in full: a module's object has
            // thousands of others. The loop reads the bytes in place.
            let start = object.field(table, 0x18, 8), count = object.field(table, 0x20, 8) / 24
            let strings = object.field(table, 0x28, 4), names = object.field(strings, 0x18, 8)
            let (candidates, unresolved) = object.withBytes { bytes -> ([Int], [Int]) in
                guard start >= 0, count > 0, start + count * 24 <= bytes.count else { return ([], []) }
                var found: [Int] = [], unresolved: [Int] = []
                for index in 0..<count {
                    let at = start + index * 24
                    let info = bytes[at + 4], binding = info >> 4, type = info & 0xF
                    guard binding == 1 || binding == 2, type == 0 || type == 2 || type == 10 else { continue }
                    let name = names + Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                    guard name >= 0, name + 2 <= bytes.count, !(bytes[name] == UInt8(ascii: "$") && bytes[name + 1] == UInt8(ascii: "s")) else { continue }
                    // Section index 0: used here, defined elsewhere.
                    if bytes[at + 6] == 0 && bytes[at + 7] == 0 { unresolved.append(index) } else { found.append(index) }
                }
                return (found, unresolved)
            }
            for index in unresolved {
                let name = object.string(strings, object.integer(at: start + index * 24, size: 4))
                if !name.isEmpty, !isSwiftMangled(name) { undefined.append(name) }
            }
            for index in candidates {
                let at = start + index * 24
                let info = object.integer(at: at + 4, size: 1), binding = info >> 4, type = info & 0xF
                let section = object.integer(at: at + 6, size: 2)
                guard section < 0xff00, object.isCode(section) else { continue }
                let name = object.string(strings, object.integer(at: at, size: 4))
                guard !name.isEmpty, !isSwiftMangled(name), name != "main", name != module + "_main",
                      !(binding == 2 && helperPrefixes.contains(where: name.hasPrefix)) else { continue }
                let symbol = ELFObject.Symbol(name: name, type: type, section: section, value: object.integer(at: at + 8, size: 8),
                                              binding: binding, size: object.integer(at: at + 16, size: 8))
                entries.append(Entry(symbol: name, swiftSymbol: calledSwiftFunction(from: symbol, symbolTable: table, in: object), isLoadTime: false))
            }
        }
        let loadTime = LoadTimeSections.entries(in: object)
        for name in loadTime.names { entries.append(Entry(symbol: name, swiftSymbol: isSwiftMangled(name) ? name : nil, isLoadTime: true)) }
        for _ in 0..<loadTime.unnamed { entries.append(Entry(symbol: "an unnamed entry", swiftSymbol: nil, isLoadTime: true)) }
        return (entries, undefined)
    }

    /// The manglings a Swift 5 or later compiler writes. Narrower than `CLibraryInterposition.isSwiftSymbol` on
    /// purpose: a defined name taken for Swift-mangled here is not read as an export to C, so here the narrower test
    /// reports more, where there the wider one does.
    private static func isSwiftMangled(_ name: String) -> Bool { name.hasPrefix("$s") || name.hasPrefix("_$s") || name.hasPrefix("$S") }

    /// The one Swift function the code of `symbol` calls (a thunk's target); nil for none or several.
    private static func calledSwiftFunction(from symbol: ELFObject.Symbol, symbolTable: Int, in object: ELFObject) -> String? {
        var called = Set<String>()
        for (table, entries) in object.relocations(of: symbol.section) where table == symbolTable {
            let start = object.field(table, 0x18, 8), count = object.field(table, 0x20, 8) / 24, strings = object.field(table, 0x28, 4)
            for entry in entries where entry.offset >= symbol.value && entry.offset < symbol.value + max(symbol.size, 1) {
                guard entry.symbol > 0, entry.symbol < count else { continue }
                let name = object.string(strings, object.integer(at: start + entry.symbol * 24, size: 4))
                if isSwiftMangled(name), name.hasSuffix("F") || name.hasSuffix("fC") || name.hasSuffix("fc") { called.insert(name) }
            }
        }
        return called.count == 1 ? called.first : nil
    }
}
