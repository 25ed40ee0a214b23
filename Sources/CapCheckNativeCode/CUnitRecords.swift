import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import Foundation

/// The index store's view of the C-family compilations, for `RecordPrefilter`: each source's unit (the files it read,
/// with clang's own system flag, and the record of each non-system file) and, read on demand, the macros each record
/// expands or tests.
package final class CUnitRecords: Sendable {
    package struct Unit: Sendable {
        /// Every file the compilation read, with whether clang called it a system header.
        package var files: [(path: String, clangSystem: Bool)]
        /// The record of each non-system file that has one, by path.
        package var records: [String: String]
        /// The unit's name in the store.
        package var name: String

        package init(files: [(path: String, clangSystem: Bool)], records: [String: String], name: String = "") {
            self.files = files
            self.records = records
            self.name = name
        }
    }

    /// A macro definition a record names (`c:file.h@120@macro@NAME`, or `c:@macro@NAME` for one predefined, from the
    /// command line or of a system header).
    package struct Definition: Sendable, Hashable {
        package let usr: String
        package let name: String
        /// The base name of the defining file and the offset of the name in it; nil when the USR names no file.
        package let base: String?
        package let offset: Int

        package init(usr: String, name: String) {
            self.usr = usr
            self.name = name
            let place = Self.place(usr)
            base = place?.base
            offset = place?.offset ?? 0
        }

        /// `c:file.h@120@macro@NAME` → (`file.h`, 120); nil for `c:@macro@NAME`.
        static func place(_ usr: String) -> (base: String, offset: Int)? {
            let bytes = Array(usr.utf8), marker = Array("@macro@".utf8)
            guard bytes.count > marker.count + 2, bytes[0] == UInt8(ascii: "c"), bytes[1] == UInt8(ascii: ":") else { return nil }
            var end = -1
            for start in 2...(bytes.count - marker.count) where bytes[start..<(start + marker.count)].elementsEqual(marker) {
                end = start
                break
            }
            guard end > 2, let at = bytes[2..<end].lastIndex(of: UInt8(ascii: "@")), at > 2,
                  let offset = Int(String(decoding: bytes[(at + 1)..<end], as: UTF8.self)) else { return nil }
            return (String(decoding: bytes[2..<at], as: UTF8.self), offset)
        }
    }

    /// The macros one record expands or tests (`#ifdef`, `defined`, `#if`), nested and pasted-together names included:
    /// each definition once, and every use of one, in order of place.
    package struct Macros: Sendable {
        package var definitions: [Definition] = []
        package var uses: [(line: Int32, column: Int32, definition: Int32)] = []

        package init(definitions: [Definition] = [], uses: [(line: Int32, column: Int32, definition: Int32)] = []) {
            self.definitions = definitions
            self.uses = uses
        }
    }

    /// The functions (methods, constructors and the like included) the non-system records of a unit declare or define:
    /// their names (`names`), and the USRs of those defined (`defined`); and the names of the functions its system
    /// records define with C linkage (`definedInSystem`: a USR without a `#` signature), whose object-file name is their
    /// name.
    package struct Functions: Sendable {
        package var names: Set<String> = []
        package var defined: Set<String> = []
        package var definedInSystem: Set<String> = []

        package init(names: Set<String> = [], defined: Set<String> = [], definedInSystem: Set<String> = []) {
            self.names = names
            self.defined = defined
            self.definedInSystem = definedInSystem
        }
    }

    /// Per source, its unit; a source compiled more than once is in `compiledTwice` instead.
    package let units: [String: Unit]
    package let compiledTwice: Set<String>
    private let read: @Sendable (_ record: String, _ file: String) -> Macros?
    private let readFunctions: @Sendable (_ record: String, _ file: String, _ system: Bool) -> Functions?
    private let readSystemRecords: @Sendable (_ unit: String) -> [(name: String, filePath: String)]?

    package init(units: [String: Unit], compiledTwice: Set<String> = [],
                 read: @escaping @Sendable (_ record: String, _ file: String) -> Macros?,
                 functions: @escaping @Sendable (_ record: String, _ file: String, _ system: Bool) -> Functions? = { _, _, _ in nil },
                 systemRecords: @escaping @Sendable (_ unit: String) -> [(name: String, filePath: String)]? = { _ in nil }) {
        self.units = units
        self.compiledTwice = compiledTwice
        self.read = read
        self.readFunctions = functions
        self.readSystemRecords = systemRecords
    }

    /// The C-family units of `units` (by main file), their records read from `store`.
    package convenience init(units: [IndexUnit], store: IndexStore) {
        var byMain: [String: Unit] = [:], twice = Set<String>()
        for unit in units where !CFamilySources.isIncluded(unit.mainFile) {
            if byMain[unit.mainFile] != nil { twice.insert(unit.mainFile) }
            byMain[unit.mainFile] = Unit(files: unit.files.map { ($0.path, $0.isSystem) },
                                         records: Dictionary(unit.records.map { ($0.filePath, $0.name) }, uniquingKeysWith: { first, _ in first }),
                                         name: unit.name)
        }
        self.init(units: byMain, compiledTwice: twice, read: { record, file in
            guard let read = try? store.record(named: record, filePath: file, moduleName: "") else { return nil }
            var macros = Macros(), numbers: [Int32: Int32] = [:]
            for occurrence in read.occurrences where occurrence.roles.contains(.reference) {
                let symbol = read.symbols[Int(occurrence.symbol)]
                guard symbol.kind == .macro else { continue }
                let number = numbers[occurrence.symbol] ?? {
                    macros.definitions.append(Definition(usr: symbol.usr, name: symbol.name))
                    numbers[occurrence.symbol] = Int32(macros.definitions.count - 1)
                    return Int32(macros.definitions.count - 1)
                }()
                macros.uses.append((Int32(occurrence.line), Int32(occurrence.column), number))
            }
            macros.uses.sort { ($0.line, $0.column, $0.definition) < ($1.line, $1.column, $1.definition) }
            return macros
        }, functions: { record, file, system in
            guard let read = try? store.record(named: record, filePath: file, moduleName: "") else { return nil }
            var functions = Functions()
            for occurrence in read.occurrences where !occurrence.roles.isDisjoint(with: [.declaration, .definition]) {
                let symbol = read.symbols[Int(occurrence.symbol)]
                guard symbol.kind.isFunction else { continue }
                if system {
                    if occurrence.roles.contains(.definition), !symbol.usr.contains("#") { functions.definedInSystem.insert(symbol.name) }
                    continue
                }
                functions.names.insert(symbol.name)
                if occurrence.roles.contains(.definition) { functions.defined.insert(symbol.usr) }
            }
            return functions
        }, systemRecords: { unit in try? store.systemRecords(ofUnit: unit) })
    }

    /// The functions of `source`'s unit (`Functions`), read from the store; nil when the source has not exactly one
    /// unit or a record cannot be read.
    package func functions(ofUnitFor source: String) -> Functions? {
        guard !compiledTwice.contains(source), let unit = units[source], let system = readSystemRecords(unit.name) else { return nil }
        var all = Functions()
        for (isSystem, records) in [(false, unit.records.map { ($0.key, $0.value) }), (true, system.map { ($0.filePath, $0.name) })] {
            for (file, record) in records {
                guard let found = readFunctions(record, file, isSystem) else { return nil }
                all.names.formUnion(found.names)
                all.defined.formUnion(found.defined)
                all.definedInSystem.formUnion(found.definedInSystem)
            }
        }
        return all
    }

    /// The macros the record `record` of `file` uses, read from the store (each call reads it); nil when the record
    /// cannot be read.
    package func macros(record: String, file: String) -> Macros? { read(record, file) }
}
