import CapCheckModel
import CapCheckIndexStore

/// The places of one record where code a macro expanded to was indexed, with the macro: what the macro's package wrote,
/// though it sits in the file that uses the macro.
///
/// - Swift: the references (and declarations) an expansion makes are recorded as implicit occurrences at the `#` or
///   `@` that starts the use (`#config(x)`, `@Logged`, `@Mac.Logged`), the macro itself just after it (after the
///   module's name when qualified). The arguments keep their own places: they are the user's code.
/// - C: clang records a reference from a macro's body at the place the macro is expanded, where it records the macro
///   too; a reference from an argument keeps the argument's place.
///
/// Found by the ninth sweep: a macro package granted only `build` wrote a `getenv` into the root's code (`#config`), a
/// C header's `#define` a `mkdir` into a C file of the root, and the root, which holds everything, was blamed.
struct MacroExpansionSites {
    /// The macro's symbol index in the record, by place (`line << 32 | column`).
    private let macros: [Int64: Int32]
    private let isSwift: Bool

    /// The places of `record`'s expansions of the macros `isForeign` accepts (by symbol index; asked once per macro
    /// the record uses, so a record that expands only its own package's and system macros costs one pass).
    init(record: IndexRecord, isForeign: (Int32) -> Bool) {
        isSwift = record.filePath.hasSuffix(".swift")
        let foreign = record.symbols.indices.filter { record.symbols[$0].kind == .macro && isForeign(Int32($0)) }
        guard !foreign.isEmpty else {
            macros = [:]
            return
        }
        let foreignSet = Set(foreign.map { Int32($0) })
        var modules: [Int64: String] = [:]  // module references by place, for `@Module.macro`
        if isSwift {
            for occurrence in record.occurrences where record.symbols[Int(occurrence.symbol)].kind == .module {
                modules[Self.place(occurrence.line, occurrence.column)] = record.symbols[Int(occurrence.symbol)].name
            }
        }
        var macros: [Int64: Int32] = [:]
        for occurrence in record.occurrences where occurrence.roles.contains(.reference) && foreignSet.contains(occurrence.symbol) {
            let line = occurrence.line, column = occurrence.column
            guard isSwift else {
                macros[Self.place(line, column)] = occurrence.symbol
                continue
            }
            guard column > 1 else { continue }
            macros[Self.place(line, column - 1)] = occurrence.symbol
            // `@Mac.Logged`: the module's name ends one dot before the macro's.
            for (place, name) in modules where place >> 32 == Int64(line) {
                let start = UInt32(place & 0xFFFF_FFFF)
                if start > 1, start + UInt32(name.utf8.count) + 1 == column { macros[Self.place(line, start - 1)] = occurrence.symbol }
            }
        }
        self.macros = macros
    }

    /// The (foreign) macro whose expansion made `occurrence`, if any (never the occurrence of a macro itself).
    func macro(expanding occurrence: IndexOccurrence, in record: IndexRecord) -> Int32? {
        guard !macros.isEmpty, !isSwift || occurrence.roles.contains(.implicit),
              let macro = macros[Self.place(occurrence.line, occurrence.column)],
              record.symbols[Int(occurrence.symbol)].kind != .macro else { return nil }
        return macro
    }

    private static func place(_ line: UInt32, _ column: UInt32) -> Int64 { Int64(line) << 32 | Int64(column) }
}
