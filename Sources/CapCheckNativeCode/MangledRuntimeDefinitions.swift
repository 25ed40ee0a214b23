import Foundation

/// C++ functions a package's object defines under a mangled name a runtime library exports (`_ZSt17__throw_bad_allocv`,
/// `_ZNKSt6locale2id5_M_idEv`). The program's definition comes first in the dynamic linker's lookup, so it replaces the
/// library's for every caller in the process, the library's own code included, though no call the index records names
/// it and no C name is involved (`CLibraryInterposition` finds those by `c:@F@name`). Found by an evasion sweep.
///
/// A real package's objects hold such definitions only weakly, made from the standard library's own headers
/// (BoringSSL's `std::bad_variant_access::what() const`, from `<variant>`): the library's code, which no definition in
/// the package's files names. Only the object's symbol table is read; the object is never run.
package enum MangledRuntimeDefinitions {
    /// A definition found: the symbol, and the function's own name as the index names its definition (`_M_id`).
    package struct Definition: Sendable, Hashable {
        package let symbol: String
        package let functionName: String?
        /// The namespaces and classes around it (`std`, `locale`, `id`), each of which the definition's USR names.
        package let scopes: [String]
        /// A weak definition: an `inline` function or template instance, which a header may have made (the standard
        /// library's own `std::bad_variant_access::what()`, from `<variant>`, in BoringSSL's objects).
        package let isWeak: Bool
    }

    /// The definitions of one package object, and the source it was compiled from.
    package struct InObject: Sendable, Hashable {
        package let package: String
        package let source: String
        package let definition: Definition

        package init(package: String, source: String, definition: Definition) {
            self.package = package
            self.source = source
            self.definition = definition
        }
    }

    /// The defined global or weak functions of `object` whose C++-mangled names (`_Z…`) a runtime library exports
    /// (`RuntimeExports`, read first).
    static func definitions(in object: ELFObject) -> [Definition] {
        var found: [String: Bool] = [:]
        for table in object.sections(ofType: 2 /* SHT_SYMTAB */) {
            for symbol in object.symbols(in: table)
            where symbol.section != 0 && symbol.section < 0xff00 && (symbol.binding == 1 || symbol.binding == 2)
                && (symbol.type == 2 || symbol.type == 10) /* function, ifunc */ && symbol.name.hasPrefix("_Z")
                && RuntimeExports.contains(symbol.name) {
                found[symbol.name] = symbol.binding == 2
            }
        }
        return found.keys.sorted().map { symbol in
            let name = qualifiedName(ofSymbol: symbol)
            return Definition(symbol: symbol, functionName: name?.last, scopes: name.map { Array($0.dropLast()) } ?? [], isWeak: found[symbol] ?? false)
        }
    }

    /// The qualified name in a mangled symbol: `_ZNKSt6locale2id5_M_idEv` (`std::locale::id::_M_id() const`) → `std`,
    /// `locale`, `id`, `_M_id`; `_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_PKc` → `std`, `operator<<`; nil
    /// when the C++ runtime's demangler is not loaded or does not read it.
    static func qualifiedName(ofSymbol symbol: String) -> [String]? {
        demangle(symbol).flatMap(qualifiedName(inDemangled:))
    }

    /// The qualified name before the parameter list, one element per scope, template arguments dropped
    /// (`std::locale::id::_M_id() const` → `std`, `locale`, `id`, `_M_id`).
    static func qualifiedName(inDemangled text: String) -> [String]? {
        let characters = Array(text)
        guard let close = characters.lastIndex(of: ")") else { return nil }
        var depth = 0, open = close
        while open >= 0 {
            if characters[open] == ")" { depth += 1 }
            if characters[open] == "(" { depth -= 1; if depth == 0 { break } }
            open -= 1
        }
        guard open > 0 else { return nil }
        var prefix = String(characters[..<open]).trimmingCharacters(in: .whitespaces)
        // A function template's arguments (`operator<< <std::char_traits<char> >`), unless the `>` is the operator's.
        let operatorEnds = ["operator>", "operator>>", "operator->", "operator>=", "operator<=>", "operator>>="]
        if prefix.hasSuffix(">"), !operatorEnds.contains(where: prefix.hasSuffix) {
            var level = 0, index = prefix.endIndex
            repeat {
                index = prefix.index(before: index)
                if prefix[index] == ">" { level += 1 } else if prefix[index] == "<" { level -= 1 }
            } while level > 0 && index > prefix.startIndex
            prefix = String(prefix[..<index]).trimmingCharacters(in: .whitespaces)
        }
        var parts = Self.scopes(of: prefix)
        guard var name = parts.popLast() else { return nil }
        if !name.hasPrefix("operator"), let space = name.lastIndex(of: " ") { name = String(name[name.index(after: space)...]) }
        // A return type before the name (`void std::sort`): its words are not scopes.
        if let first = parts.first, let space = first.lastIndex(of: " ") { parts[0] = String(first[first.index(after: space)...]) }
        return name.isEmpty ? nil : parts.map { String($0.prefix { $0 != "<" }) } + [name]
    }

    /// `a<b::c>::d::e` → `a<b::c>`, `d`, `e`: split at `::` outside template arguments.
    private static func scopes(of text: String) -> [String] {
        var parts: [String] = [], current = "", level = 0
        var characters = Array(text)[...]
        while let character = characters.first {
            if character == ":", level == 0, characters.dropFirst().first == ":" {
                parts.append(current); current = ""; characters = characters.dropFirst(2); continue
            }
            if character == "<" { level += 1 } else if character == ">" { level = max(0, level - 1) }
            current.append(character)
            characters = characters.dropFirst()
        }
        parts.append(current)
        return parts
    }

    private typealias Demangler = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<Int>?,
                                                  UnsafeMutablePointer<Int32>?) -> UnsafeMutablePointer<CChar>?

    /// The C++ runtime's `__cxa_demangle`, which the Swift runtime's own `libstdc++` provides in this process.
    private static let demangler: Demangler? = {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "__cxa_demangle") else { return nil }
        return unsafeBitCast(symbol, to: Demangler.self)
    }()

    private static func demangle(_ symbol: String) -> String? {
        guard let demangler else { return nil }
        var status: Int32 = 0
        guard let result = demangler(symbol, nil, nil, &status), status == 0 else { return nil }
        defer { free(result) }
        return String(cString: result)
    }
}
