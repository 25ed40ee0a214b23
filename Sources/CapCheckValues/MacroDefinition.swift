import Foundation
import CapCheckModel

/// Reads a macro's `#define` where the index says it is (the file and byte offset of its name).
enum MacroDefinition {
    /// The one identifier an object-like macro stands for (`#define fopen_if_available fopen` → `fopen`); nil for a
    /// function-like macro, a longer or continued body, or a definition that cannot be read where the index puts it.
    static func objectLikeBody(of macro: MacroReference, in source: CSinkSites) -> String? {
        guard let file = macro.definitionFile, let offset = macro.definitionOffset else { return nil }
        let line = file == source.path ? source.line(from: offset) : CSinkSites(path: file, macros: .none)?.line(from: offset)
        guard let line, line.hasPrefix(macro.name) else { return nil }
        let rest = line.dropFirst(macro.name.count)
        guard let first = rest.first, first == " " || first == "\t" else { return nil }  // `name(`: function-like
        let body = rest.trimmingCharacters(in: .whitespaces)
        guard let start = body.first, start.isLetter || start == "_",
              body.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return body
    }
}
