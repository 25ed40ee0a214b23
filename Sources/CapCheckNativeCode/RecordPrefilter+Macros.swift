import CapCheckSupport
import Foundation

/// What the macros of a record could put into code (`RecordPrefilter`): each definition's body, and each paste at its
/// site.
extension RecordPrefilter {
    /// Builtin macros that expand to a number or string, whatever the inclusion (`__LINE__` is the line's, `__FILE__`
    /// the header's: the preprocessed scan writes it as `__FILE__`), and `_Pragma`, whose operand is read where it is
    /// spelt (a file's text or a macro's body: a plain string with no trigger word in it binds no name).
    static let plainBuiltins: Set<String> = [
        "__LINE__", "__FILE__", "__has_include", "__has_include_next", "__has_feature", "__has_extension", "__has_attribute",
        "__has_c_attribute", "__has_cpp_attribute", "__has_declspec_attribute", "__has_builtin", "__has_constexpr_builtin",
        "__has_warning", "__has_embed", "__is_identifier", "__is_target_arch", "__is_target_vendor", "__is_target_os",
        "__is_target_environment", "__is_target_variant_os", "__is_target_variant_environment", "__building_module",
        "__MODULE__", "_Pragma",
    ]
    /// Builtin macros whose value differs between two inclusions of the same lines.
    static let dynamicBuiltins: Set<String> = [
        "__COUNTER__", "__INCLUDE_LEVEL__", "__BASE_FILE__", "__TIMESTAMP__", "__DATE__", "__TIME__", "__FILE_NAME__",
    ]

    /// What the macros a record uses could do, under one compilation's flags and files of the base names their USRs
    /// name (kept per record, flags and those files).
    struct Evaluation: Sendable {
        /// A definition that was not found.
        var missing: CUnitRecords.Definition?
        /// The first use whose expansion could make a trigger.
        var triggering: (line: Int, name: String)?
        var dynamic = false
        /// The first line a macro with braces is used on (`Int.max`: none).
        var firstBraces = Int.max
        /// The files that hold the definitions the USRs name (of the base names they name, those with the macro at the
        /// offset named), sorted.
        var definingFiles: [String] = []
        /// The macros whose USR names no file (builtins left out), by name, with the lines they are used on, sorted, and
        /// whether a definition of it could make a trigger.
        var unplaced: [(name: String, lines: [Int], couldTrigger: Bool)] = []
        /// A macro whose USR names a base name and offset that several files hold with different definitions: which one
        /// is in effect depends on which was included first, which no record shows.
        var ambiguous: String?
    }

    /// The evaluation of a record under one compilation; nil when the record cannot be read.
    func evaluate(record: String, of file: String, in context: Context) -> Evaluation? {
        var macros: CUnitRecords.Macros?
        let known = memo.recordBases.withLock { $0[record] }
        let bases: [String]
        if let known {
            guard let known else { return nil }
            bases = known
        } else {
            macros = records.macros(record: record, file: file)
            bases = macros.map { Set($0.definitions.compactMap(\.base)).sorted() } ?? []
            memo.recordBases.withLock { $0[record] = macros == nil ? .some(nil) : bases }
        }
        var key = record + "|" + context.flags
        for base in bases { key += "|" + base + ":" + (context.byBase[base] ?? []).joined(separator: ":") }
        if let known = memo.evaluations.withLock({ $0[key] }) { return known }
        guard let macros = macros ?? records.macros(record: record, file: file) else { return nil }
        var evaluation = Evaluation()
        var bodies: [MacroBodyFacts] = [], defining = Set<String>()
        for definition in macros.definitions {
            // A USR that names a file names a base name and an offset: every file of that base name the compilation read
            // that holds the macro there is a candidate.
            let holding = definition.base == nil ? [] : placedCandidates(of: definition, in: context)
            guard let body = definition.base == nil ? unplacedBody(of: definition, in: context) : MacroBodyFacts.union(of: holding.map(\.facts)) else {
                evaluation.missing = definition
                return evaluation
            }
            bodies.append(body)
            defining.formUnion(holding.map(\.file))
            if evaluation.ambiguous == nil, Set(holding.map { memo.definitionText(in: $0.file, offset: definition.offset) }).count > 1 {
                evaluation.ambiguous = definition.name
            }
        }
        evaluation.definingFiles = defining.sorted()
        var unplacedLines: [String: Set<Int>] = [:], unplacedTriggers: [String: Bool] = [:]
        for use in macros.uses {
            let definition = macros.definitions[Int(use.definition)]
            guard definition.base == nil, !Self.plainBuiltins.contains(definition.name), !Self.dynamicBuiltins.contains(definition.name) else { continue }
            unplacedLines[definition.name, default: []].insert(Int(use.line))
            let body = bodies[Int(use.definition)]
            unplacedTriggers[definition.name] = (unplacedTriggers[definition.name] ?? false) || body.triggers || body.paste
        }
        evaluation.unplaced = unplacedLines.map { ($0.key, $0.value.sorted(), unplacedTriggers[$0.key] ?? false) }.sorted { $0.name < $1.name }
        var formable: [Set<String>: Bool] = [:]
        for (index, use) in macros.uses.enumerated() {
            let body = bodies[Int(use.definition)]
            if body.braces { evaluation.firstBraces = min(evaluation.firstBraces, Int(use.line)) }
            evaluation.dynamic = evaluation.dynamic || body.dynamic
            guard evaluation.triggering == nil else { continue }
            if body.triggers || (body.paste && pasteCouldTrigger(at: index, of: macros, in: file, bodies: bodies, formable: &formable)) {
                evaluation.triggering = (Int(use.line), macros.definitions[Int(use.definition)].name)
            }
        }
        memo.evaluations.withLock { $0[key] = evaluation }
        return evaluation
    }

    /// Whether the paste in the expansion of `macros.uses[index]` could make a trigger word: the words of its invocation
    /// and of the bodies of every macro expanded within it (the record lists them at places inside the invocation, in
    /// order) are all a paste can be made of.
    private func pasteCouldTrigger(at index: Int, of macros: CUnitRecords.Macros, in file: String, bodies: [MacroBodyFacts],
                                   formable: inout [Set<String>: Bool]) -> Bool {
        guard let text = memo.text(of: file), let lines = memo.lineStarts(of: file) else { return true }
        func offset(_ number: Int) -> Int {
            let use = macros.uses[number]
            return use.line >= 1 && Int(use.line) <= lines.count ? lines[Int(use.line) - 1] + max(0, Int(use.column) - 1) : Int.max
        }
        let start = offset(index)
        guard start < text.count, let site = MacroSite(text, offset: start), var fragments = site.fragments else { return true }
        var first = index
        while first > 0, offset(first - 1) >= start { first -= 1 }
        for number in first..<macros.uses.count {
            if offset(number) >= site.end { break }
            let body = bodies[Int(macros.uses[number].definition)]
            if body.unbalanced { return true }
            fragments.formUnion(body.fragments)
        }
        if let known = formable[fragments] { return known }
        let answer = MacroSite.formable(fragments)
        formable[fragments] = answer
        return answer
    }

    /// What a definition whose USR names no file could expand to (every candidate's facts at once); nil when none is
    /// found. It is a builtin, predefined, from the command line (`-D`) or a system header's: every definition of the
    /// name in any system header of the run, and the compiler's predefined one, are candidates.
    private func unplacedBody(of definition: CUnitRecords.Definition, in context: Context) -> MacroBodyFacts? {
        if Self.dynamicBuiltins.contains(definition.name) { return MacroBodyFacts(dynamic: true) }
        if Self.plainBuiltins.contains(definition.name) { return MacroBodyFacts() }
        let key = context.flags + "|" + definition.name
        if let known = memo.unplacedFacts.withLock({ $0[key] }) { return known }
        var candidates = (memo.systemDefinitions(allSystemFiles)[definition.name] ?? []).compactMap {
            memo.macro(in: $0.file, offset: $0.offset, name: definition.name)
        }
        if let text = memo.predefined(flags: context.flags, clang: clang, command: context.command)[definition.name],
           let found = MacroBodyFacts.read(Array(("#define " + text).utf8), offset: 8, name: definition.name) {
            candidates.append(found)
        }
        let facts = MacroBodyFacts.union(of: candidates)
        memo.unplacedFacts.withLock { $0[key] = facts }
        return facts
    }

    /// The files of the base name a definition's USR names that hold the macro at the offset it names, with the facts
    /// of each one's definition.
    private func placedCandidates(of definition: CUnitRecords.Definition, in context: Context) -> [(file: String, facts: MacroBodyFacts)] {
        (context.byBase[definition.base ?? ""] ?? []).compactMap { file in
            memo.macro(in: file, offset: definition.offset, name: definition.name).map { (file, $0) }
        }
    }

    /// The distinct definition texts of a macro whose USR names no file, among the compilation's system headers and
    /// the compiler's predefined macros.
    func unplacedTexts(of name: String, in context: Context) -> [String] {
        let key = context.systemKey + "|" + name
        if let known = memo.unplacedTexts.withLock({ $0[key] }) { return known }
        var texts = Set<String>()
        let systemFiles = Set(context.systemFiles)
        for candidate in memo.systemDefinitions(allSystemFiles)[name] ?? [] where systemFiles.contains(candidate.file) {
            texts.insert(memo.definitionText(in: candidate.file, offset: candidate.offset))
        }
        if let text = memo.predefined(flags: context.flags, clang: clang, command: context.command)[name] { texts.insert(text) }
        let sorted = texts.sorted()
        memo.unplacedTexts.withLock { $0[key] = sorted }
        return sorted
    }

    /// Every system header any compilation read (those outside the packages' folders).
    private func allSystemFiles() -> [String] {
        var files = Set<String>()
        for unit in records.units.values {
            for file in unit.files where file.clangSystem && !memo.inPackage(file.path, folders) { files.insert(file.path) }
        }
        return files.sorted()
    }
}
