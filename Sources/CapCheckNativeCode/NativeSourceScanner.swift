import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

/// Parses one C, C++ or Objective-C source with libclang (with the flags SwiftPM compiled it with) and records,
/// per definition outside system headers: inline `asm`, raw `syscall(...)` calls with their constant number,
/// every function or variable its body or initializer refers to (calls and taken addresses), and the
/// attributes that make code run at load time (`constructor`, `destructor`, `ifunc`, init sections, `weak`,
/// `alias`, Objective-C `+load`, C++ dynamic initializers), and asm labels that link a declaration to another symbol.
package struct NativeSourceScanner {
    package let api: LibClangAPI

    package struct Result {
        package var definitions: [String: NativeDefinition] = [:]
        /// Error diagnostics (the parse went on, but what follows an error may be missing).
        package var errors: [String] = []
        /// For a parse stopped at a `CoveringParseCut`: what of the kept files' findings code after the cut could change
        /// (`TranslationUnitWalk.readLater`); nil when that cannot be told.
        package var cutDependence: CoveringParseCut.Dependence?
        /// Whether this result is a cut parse's that stood for the whole one.
        package var stoppedAtCut = false

        package init(definitions: [String: NativeDefinition] = [:], errors: [String] = []) {
            self.definitions = definitions
            self.errors = errors
        }
    }

    /// libclang's `CXTranslationUnit_KeepGoing`: carry on after fatal errors such as a missing header.
    private static let parseOptions: UInt32 = 0x200

    /// Parses `source` (a file path, or `unsaved` contents under that name) and hands the translation unit to `body`.
    package func withTranslationUnit<T>(index: UnsafeMutableRawPointer, source: String, arguments: [String], unsaved: String? = nil,
                                _ body: (UnsafeMutableRawPointer) -> T) -> (T?, [String]) {
        var unit: UnsafeMutableRawPointer?
        let status: Int32 = withCStrings(arguments) { argv in
            guard let unsaved else {
                return api.parseTranslationUnit2(index, source, argv, Int32(arguments.count), nil, 0, Self.parseOptions, &unit)
            }
            return source.withCString { name in
                unsaved.withCString { contents in
                    var file = CXUnsavedFile(filename: name, contents: contents, length: UInt(unsaved.utf8.count))
                    return api.parseTranslationUnit2(index, source, argv, Int32(arguments.count), &file, 1, Self.parseOptions, &unit)
                }
            }
        }
        guard status == 0, let unit else { return (nil, ["libclang could not parse \(source) (error \(status))"]) }
        defer { api.disposeTranslationUnit(unit) }
        return (body(unit), errors(of: unit))
    }

    /// Parses and walks one source. Without `keepReferences` (a source with an index unit, whose records hold every
    /// call and reference), only definitions with something the index lacks are kept, without their references.
    /// `bindings`: the `#pragma weak A = B` and `#pragma redefine_extname A B` the prefilter read in the preprocessed
    /// source (libclang shows neither): each becomes a declaration of `A`, aliasing `B` or asm-labelled `B`.
    /// With `cut`, only the source's text up to the cut is parsed (`CoveringParseCut`).
    package func scan(_ command: ClangCompileCommand, index: UnsafeMutableRawPointer, keepReferences: Bool = true,
                      bindings: [PreprocessedTriggers.PragmaBinding] = [], folders: PackageFolders = PackageFolders(roots: []),
                      cut: CoveringParseCut? = nil) -> Result {
        var cutDependence: CoveringParseCut.Dependence?
        let (found, errors) = withTranslationUnit(index: index, source: command.source, arguments: command.arguments, unsaved: cut?.text) { unit in
            let isCxx = ["cpp", "cc", "cxx", "c++", "C", "mm", "CPP"].contains((command.source as NSString).pathExtension)
            var walk = TranslationUnitWalk(api: api, keepReferences: keepReferences, folders: folders, isCxx: isCxx)
            walk.run(api.getTranslationUnitCursor(unit))
            for binding in bindings { walk.declare(binding, source: command.source) }
            // A kept header the cut text never reached (its include behind a `#line` or a self-include) tells nothing.
            if let cut, cut.kept.isSubset(of: api.includedFiles(unit)) { cutDependence = walk.readLater(in: cut.kept) }
            // The object file, read once: its init and fini arrays, the code it defines, the functions it calls.
            if let path = command.output, let object = ELFObject(path: path) {
                let entries = LoadTimeSections.entries(in: object)
                for name in entries.names { walk.runsAtLoad(name, source: command.source) }
                if entries.unnamed > 0 || entries.initCode { walk.runsAtLoad(nil, source: command.source) }
                for name in LoadTimeSections.definedCode(in: object) { walk.writtenInAsm(name, source: command.source) }
                walk.calledByObject(LoadTimeSections.undefinedSymbols(in: object), source: command.source)
                for member in LoadTimeSections.bracketedMembers(in: object) { walk.placed(member.name, inSection: member.section) }
            }
            return walk.finish()
        }
        var result = Result(definitions: found ?? [:], errors: errors)
        result.cutDependence = cutDependence
        return result
    }

    private func errors(of unit: UnsafeMutableRawPointer) -> [String] {
        (0..<api.getNumDiagnostics(unit)).compactMap { number in
            guard let diagnostic = api.getDiagnostic(unit, number) else { return nil }
            defer { api.disposeDiagnostic(diagnostic) }
            guard api.getDiagnosticSeverity(diagnostic) >= 3 /* error, fatal */ else { return nil }
            return api.consume(api.formatDiagnostic(diagnostic, 0x1 | 0x2 /* source location, column */))
        }
    }

    private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let pointers = strings.map { UnsafePointer(strdup($0)) }
        defer { pointers.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    package init(api: LibClangAPI) {
        self.api = api
    }
}

/// One walk over a translation unit's cursors.
private struct TranslationUnitWalk {
    package let api: LibClangAPI
    private var definitions: [String: NativeDefinition] = [:]
    /// Attributes found on declarations without a body (prototypes, `ifunc` and `alias` declarations).
    private var declarations: [String: NativeDefinition] = [:]
    /// Function USRs by name, to resolve `alias("name")` and `ifunc("name")`.
    private var functionsByName: [String: String] = [:]
    /// The variables the source defines (outside system headers), by name: what an object's bracketed section holds.
    private var variablesByName: [String: (usr: String, location: SourceLocation)] = [:]
    /// The definitions placed in each section named like a C identifier (`section("hooks")`), by USR.
    private var customSections: [String: [(usr: String, location: SourceLocation)]] = [:]
    /// Functions seen only as declarations, by USR (for an init-array entry that points at one).
    private var declaredFunctions: [String: NativeDefinition] = [:]
    /// Where file-scope `asm` is (in the source or a header it includes), and the source whose object holds it.
    private var fileScopeAsm: [SourceLocation] = []
    private var objectSource: String?
    /// The identifiers each piece of `asm` text names (`jmp payload`, `.quad payload`), by the USR of the function whose
    /// inline `asm` it is, or "" for file-scope `asm`: machine code that jumps to, or stores the address of, a function
    /// no C code calls (the eighteenth sweep's: an init-array entry written in `asm` jumped into C code that made a
    /// file). nil names: the text could not be read, so every function of the source.
    private var asmNames: [(usr: String, names: [String]?, site: SourceLocation)] = []
    /// The USRs of the functions the source defines in C, C++ or Objective-C, system headers included, by their
    /// object-file names (`_ZL5earlyv` for a static C++ `early`).
    private var symbolsDefinedInC: [String: String] = [:]
    /// The asm labels of the source's C definitions, gathered on the first `writtenInAsm` (after the walk).
    private var renamedDefinitions: Set<String>?
    private var paths: [String: String] = [:]
    private var texts: [String: [UInt8]] = [:]
    private let keepReferences: Bool
    private let folders: PackageFolders
    /// Whether the source is C++ (or Objective-C++), where a variable of class type may be built by code at load.
    private let isCxx: Bool
    /// The functions the source defines with three or more parameters (an init function may take `argc, argv, envp`).
    private var takesEnvironment: Set<String> = []
    /// Per file clang calls a system header, whether it is one (`isInSystemHeader`).
    private var systemFiles: [String: Bool] = [:]

    package init(api: LibClangAPI, keepReferences: Bool, folders: PackageFolders, isCxx: Bool) {
        self.api = api
        self.keepReferences = keepReferences
        self.folders = folders
        self.isCxx = isCxx
    }

    /// Whether `location` is in the C library's or the toolchain's headers: a system header outside the packages'
    /// folders (a package's own header may call itself a system header with `#pragma GCC system_header`).
    private mutating func isInSystemHeader(_ location: CXSourceLocation) -> Bool {
        guard api.locationIsInSystemHeader(location) != 0 else { return false }
        guard let file = api.place(location)?.file else { return true }
        if let known = systemFiles[file] { return known }
        let system = !folders.contains(URL(fileURLWithPath: file).standardizedFileURL.path)
        systemFiles[file] = system
        return system
    }

    package mutating func run(_ unitCursor: CXCursor) {
        api.visit(unitCursor) { cursor in
            let kind = api.getCursorKind(cursor)
            if CXCursorKindValue.functionLike.contains(kind), api.isCursorDefinition(cursor) != 0 {
                // System headers' too: a `static inline` function the source uses is code of its object.
                symbolsDefinedInC[api.consume(api.cursorGetMangling(cursor)).trimmingCharacters(in: ["\u{1}"])] = api.usr(cursor)
            }
            guard !isInSystemHeader(api.getCursorLocation(cursor)) else { return .next }
            if CXCursorKindValue.functionLike.contains(kind) {
                scanFunction(cursor, kind: kind)
            } else if kind == CXCursorKindValue.varDecl {
                scanVariable(cursor)
            } else if kind == CXCursorKindValue.unexposedDecl, let text = fileScopeAsmText(cursor) {
                if let site = location(of: cursor) {
                    fileScopeAsm.append(site)
                    asmNames.append(("", AsmTemplates.identifiers(inPrinted: text), site))
                }
            } else if CXCursorKindValue.containers.contains(kind) {
                return .recurse
            }
            return .next
        }
    }

    /// The text of a declaration libclang does not expose when it is file-scope `asm("…")` (which it prints as
    /// `__asm (…)`); nil for any other.
    private func fileScopeAsmText(_ cursor: CXCursor) -> String? {
        guard let prettyPrinted = api.getCursorPrettyPrinted else { return nil }
        let text = api.consume(prettyPrinted(cursor, nil))
        return text.hasPrefix("__asm") ? text : nil
    }

    /// A `#pragma` binding as the declaration it stands for: `A` aliasing `B` (resolved like `alias("B")`), or `A`
    /// asm-labelled `B`. C names: the USR of an external C function.
    package mutating func declare(_ binding: PreprocessedTriggers.PragmaBinding, source: String) {
        let usr = functionsByName[binding.name] ?? "c:@F@" + binding.name
        let location = SourceLocation(file: binding.file ?? source, line: binding.line, column: 1)
        var declared = NativeDefinition(usr: usr, name: binding.name, location: location, language: .c, kind: .function)
        switch binding.kind {
        case .weakAlias: declared.aliasOf = [binding.target]
        case .externalName: declared.asmLabel = binding.target
        }
        addDeclaration(declared)
    }

    /// Records a declaration's attributes, merged with what earlier declarations of its USR said.
    private mutating func addDeclaration(_ declared: NativeDefinition) {
        if declarations[declared.usr] == nil { declarations[declared.usr] = declared } else { declarations[declared.usr]!.merge(declared) }
    }

    /// A function the object file's init or fini array points at (`LoadTimeSections.entries`): it runs at load or exit
    /// however the entry was made (file-scope `asm` included). A function the source neither defines nor declares (made
    /// in `asm`) is an inline-asm definition of its own. C++ dynamic initializers are found from the globals' side.
    /// `name` nil: an entry no symbol names (a relocation against code without a function symbol), or code placed
    /// straight in `.init`/`.fini`: code of the source's object that runs at load, like inline `asm`.
    package mutating func runsAtLoad(_ name: String?, source: String) {
        guard let name else {
            let location = SourceLocation(file: source, line: 1, column: 1)
            var made = NativeDefinition(usr: "capcheck-unnamed-load-time|" + source, name: "code run at load that no function names",
                                        location: location, language: .c, kind: .function)
            made.loadTime.insert(.initSection)
            made.inlineAsm.append(location)
            definitions[made.usr] = made
            return
        }
        guard !name.hasPrefix("_GLOBAL__"), !name.hasPrefix("__cxx_global_var_init") else { return }
        if let usr = functionsByName[name] ?? symbolsDefinedInC[name] {
            if definitions[usr] != nil {
                if definitions[usr]!.loadTime.isEmpty { definitions[usr]!.loadTime.insert(.initSection) }
            } else if var declared = declarations[usr] ?? declaredFunctions[usr], declared.loadTime.isEmpty {
                declared.loadTime.insert(.initSection)
                declarations[usr] = declared
            }
            return
        }
        let usr = "c:@F@" + name
        let location = SourceLocation(file: source, line: 1, column: 1)
        var made = NativeDefinition(usr: usr, name: name, location: location, language: .c, kind: .function)
        made.loadTime.insert(.initSection)
        made.inlineAsm.append(location)
        declarations[usr] = made
    }

    /// Code the object file defines under `name` that no C definition of the source made: written in file-scope `asm`
    /// (`.globl f` / `f: … syscall`), machine code capcheck does not read. Declared in C and called like any function,
    /// it stands for inline `asm`; an init-array entry pointing at it runs that asm at load. Compiler-made code is
    /// left out: C++ and Objective-C names (`_Z…`, `-[…]`; their asm is not told apart), blocks, `.`-suffixed clones,
    /// and C++ initialisers (found from the globals' side).
    package mutating func writtenInAsm(_ name: String, source: String) {
        guard symbolsDefinedInC[name] == nil, !name.hasPrefix("_Z"), !name.hasPrefix("-["), !name.hasPrefix("+["),
              !name.contains("."), !name.contains("_block_invoke"), !name.hasPrefix("_GLOBAL__"),
              !name.hasPrefix("__cxx_global_var_init"), name != "__clang_call_terminate" else { return }
        // A C definition renamed by an asm label or `#pragma redefine_extname` (BoringSSL renames every function).
        if renamedDefinitions == nil {
            renamedDefinitions = Set(definitions.values.compactMap(\.asmLabel))
                .union(declarations.compactMap { definitions[$0.key] != nil ? $0.value.asmLabel : nil })
        }
        if renamedDefinitions!.contains(name) { return }
        let usr = functionsByName[name] ?? "c:@F@" + name
        if definitions[usr] != nil { return }  // an `alias` of a C definition (its own symbol, the same code)
        if let declared = declarations[usr], !declared.aliasOf.isEmpty { return }
        // Its code is the source's `asm` (where a header only declares it): there, so that it reaches what that asm names
        // (`ObjectCallEdges`; the eighteenth sweep's `dep_hello: jmp payload`, declared in a public header).
        let written = fileScopeAsm.first { $0.file == source } ?? SourceLocation(file: source, line: 1, column: 1)
        let declared = declarations[usr] ?? declaredFunctions[usr]
        var made = NativeDefinition(usr: usr, name: name, location: written, language: declared?.language ?? .c, kind: declared?.kind ?? .function)
        if let declared { made.merge(declared) }
        made.inlineAsm.append(written)
        declarations[usr] = made
    }

    /// A symbol the object places in a linker-bracketed section (`LoadTimeSections.bracketedMembers(in:)`): a member of
    /// that section, as a `section` attribute makes it, whatever placed it there (`#pragma clang section`).
    package mutating func placed(_ name: String, inSection section: String) {
        let member = variablesByName[name] ?? functionsByName[name].flatMap { usr in definitions[usr].map { (usr, $0.location) } }
        guard let member, !customSections[section, default: []].contains(where: { $0.usr == member.usr }) else { return }
        customSections[section, default: []].append((member.usr, member.location))
    }

    /// The C functions the source's object file calls (`LoadTimeSections.undefinedSymbols(in:)`), kept as one definition
    /// of the source (`ObjectCallEdges.usrPrefix`) whose references are those names: the merge compares them with what
    /// the source's C code names (file-scope `asm` can call what no C code names: `.symver`, `.weakref`, a `.quad`
    /// table of function addresses). C++ and Swift names (`_Z…`, `$s…`) are left out.
    package mutating func calledByObject(_ names: [String], source: String) {
        objectSource = source
        let location = SourceLocation(file: source, line: 1, column: 1)
        let references = names.filter { !$0.hasPrefix("_Z") && !$0.hasPrefix("$") && !$0.hasPrefix("_$") }.map {
            NativeReference(usr: "c:@F@" + $0, name: $0, site: location, isCall: true, isFunction: true)
        }
        guard !references.isEmpty else { return }
        var made = NativeDefinition(usr: ObjectCallEdges.usrPrefix + source, name: ObjectCallEdges.name(of: source),
                                    location: location, language: .c, kind: .function)
        made.references = references
        definitions[made.usr] = made
    }

    /// What of the findings in the files `kept` could change if the translation unit went on (`CoveringParseCut`):
    /// the names a kept `asm` names that no function declared so far has (`functionsByName` keeps the first
    /// declaration of a name) and the unresolved `alias` targets of kept ones, which a later function of that name
    /// would resolve; and the kept declarations with attributes that no definition has absorbed, which a later
    /// definition would (taking them out of the kept file). nil when that cannot be told: `asm` whose text could not
    /// be read (it names every function), a C++ symbol name, or file-scope `asm`.
    package func readLater(in kept: Set<String>) -> CoveringParseCut.Dependence? {
        var names = Set<String>(), declared = Set<String>()
        for (usr, asmNames, site) in asmNames where kept.contains(site.file) || definitions[usr].map({ kept.contains($0.location.file) }) == true {
            guard !usr.isEmpty, let asmNames else { return nil }
            for name in asmNames where functionsByName[name] == nil {
                if name.hasPrefix("_Z") { return nil }
                names.insert(name)
            }
        }
        for (usr, declaration) in declarations where kept.contains(declaration.location.file) && definitions[usr] == nil {
            declared.insert(usr)
        }
        for entry in Array(declarations.values) + Array(definitions.values) where kept.contains(entry.location.file) {
            for target in entry.aliasOf where functionsByName[target] == nil { names.insert(target) }
        }
        return CoveringParseCut.Dependence(names: names, declarations: declared)
    }

    /// The definitions, with declaration attributes merged in and `alias`/`ifunc` names resolved.
    package mutating func finish() -> [String: NativeDefinition] {
        // File-scope `asm` is the object's own machine code or symbol directives: inline `asm` of the object's calls.
        if let first = fileScopeAsm.first {
            let source = objectSource ?? first.file
            let usr = ObjectCallEdges.usrPrefix + source
            var made = definitions[usr] ?? NativeDefinition(usr: usr, name: ObjectCallEdges.name(of: source),
                                                            location: SourceLocation(file: source, line: 1, column: 1),
                                                            language: .c, kind: .function)
            made.inlineAsm += fileScopeAsm
            definitions[usr] = made
        }
        for (usr, declared) in declarations {
            if definitions[usr] == nil { definitions[usr] = declared } else { definitions[usr]!.merge(declared) }
        }
        for (usr, definition) in definitions where !definition.aliasOf.isEmpty {
            // A target the source does not declare outside system headers (`weakref("open")`) is the C function of that name.
            let targets = definition.aliasOf.map { functionsByName[$0] ?? "c:@F@" + $0 }
            definitions[usr]!.aliasOf = targets
            if definition.loadTime.contains(.ifuncResolver) {
                // The marker was put on the ifunc declaration; the resolver is what runs at load time.
                definitions[usr]!.loadTime.remove(.ifuncResolver)
                for target in targets { definitions[target]?.loadTime.insert(.ifuncResolver) }
            }
        }
        // `__start_hooks` and `__stop_hooks` bound what the linker placed in section `hooks`: a read of either reaches
        // each of those definitions (alias edges, from the declaration the index's readers name).
        for (section, members) in customSections {
            for bound in ["__start_", "__stop_"] {
                let usr = "c:@" + bound + section
                var declared = NativeDefinition(usr: usr, name: bound + section, location: members[0].location, language: .c, kind: .variable)
                declared.aliasOf = members.map(\.usr)
                if definitions[usr] == nil { definitions[usr] = declared } else { definitions[usr]!.aliasOf += declared.aliasOf }
            }
        }
        // glibc calls every init-array function with `(argc, argv, envp)`: one that takes a third parameter reads the
        // environment block, as a read of `environ` does.
        for usr in takesEnvironment where definitions[usr].map({ !$0.loadTime.isDisjoint(with: [.constructor, .initSection]) }) == true {
            let site = definitions[usr]!.location
            let environment = NativeReference(usr: "c:@environ", name: "environ", site: site, isCall: false, isFunction: false)
            if !definitions[usr]!.references.contains(environment) { definitions[usr]!.references.append(environment) }
        }
        // What `asm` text names: a reference of the function whose inline `asm` it is, or of the file-scope `asm`'s node
        // (`isCall` false: not a call the object's relocations show, see `ObjectCallEdges`).
        for (usr, names, site) in asmNames {
            let holder = usr.isEmpty ? ObjectCallEdges.usrPrefix + (objectSource ?? site.file) : usr
            guard definitions[holder] != nil else { continue }
            let targets = names.map { $0.compactMap { name in (functionsByName[name] ?? symbolsDefinedInC[name]).map { (name, $0) } } }
                ?? functionsByName.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (name, target) in targets where target != holder {
                let reference = NativeReference(usr: target, name: name, site: site, isCall: false, isFunction: true)
                if !definitions[holder]!.references.contains(reference) { definitions[holder]!.references.append(reference) }
            }
        }
        // Without references (not recorded), a definition matters only for what the index lacks; the references
        // recorded then are the ones the records lack too (a `cleanup` function).
        return keepReferences ? definitions : definitions.filter { $0.value.hasNativeFacts || !$0.value.references.isEmpty }
    }

    private mutating func scanFunction(_ cursor: CXCursor, kind: Int32) {
        let usr = api.usr(cursor)
        guard !usr.isEmpty, let location = location(of: cursor) else { return }
        let name = api.spelling(cursor)
        functionsByName[name] = functionsByName[name] ?? usr
        var definition = NativeDefinition(usr: usr, name: name, location: location, language: language(of: cursor),
                                          kind: symbolKind(kind))
        if kind == CXCursorKindValue.objcClassMethodDecl && name == "load" { definition.loadTime.insert(.objcLoad) }
        let isDefinition = api.isCursorDefinition(cursor) != 0
        if isDefinition, api.cursorGetNumArguments(cursor) >= 3 { takesEnvironment.insert(usr) }
        _ = scanChildren(of: cursor, into: &definition, body: isDefinition)
        if isDefinition, let site = definition.inlineAsm.first {
            asmNames.append((usr, api.getCursorPrettyPrinted.map { AsmTemplates.identifiers(inPrinted: api.consume($0(cursor, nil))) }, site))
        }
        if isDefinition {
            if let existing = definitions[usr] { definition.merge(existing) }
            definitions[usr] = definition
        } else if !definition.loadTime.isEmpty || !definition.aliasOf.isEmpty || definition.asmLabel != nil {
            addDeclaration(definition)
        } else if declaredFunctions[usr] == nil {
            declaredFunctions[usr] = definition
        }
    }

    /// A global variable: its attributes (init sections) and what its initializer refers to (function tables).
    private mutating func scanVariable(_ cursor: CXCursor) {
        let usr = api.usr(cursor)
        guard !usr.isEmpty, let location = location(of: cursor) else { return }
        var definition = NativeDefinition(usr: usr, name: api.spelling(cursor), location: location,
                                          language: language(of: cursor), kind: .variable)
        guard api.isCursorDefinition(cursor) != 0 else {
            // `extern op_t ops[] __asm__("real_ops")`, `extern char **t __asm__("environ")`: the name reads another
            // variable (the merge links the two, `addAsmLabelEdges`).
            _ = scanChildren(of: cursor, into: &definition, body: false)
            if definition.asmLabel != nil {
                addDeclaration(definition)
            }
            return
        }
        variablesByName[definition.name] = variablesByName[definition.name] ?? (usr, location)
        let callSites = scanChildren(of: cursor, into: &definition, body: true)
        // An initializer that calls code runs before main. C allows only constants there, so a call means C++ (or a
        // block's body, over-approximated); libclang gives a plain C++ variable the language C, so it is not asked.
        if !callSites.isEmpty { definition.loadTime.insert(.dynamicInitializer) }
        // `Config config;` in C++: an implicit constructor may run default member initializers and members' and bases'
        // constructors, with no call expression (an over-approximation for a plain struct).
        if isCxx, callSites.isEmpty, let record = recordUSR(cursor) {
            definition.loadTime.insert(.dynamicInitializer)
            let reference = NativeReference(usr: record, name: "", site: location, isCall: false, isFunction: false)
            if !definition.references.contains(reference) { definition.references.append(reference) }
        }
        guard !definition.references.isEmpty || !definition.loadTime.isEmpty || !definition.inlineAsm.isEmpty else { return }
        definitions[usr] = definition
    }

    /// Applies a declaration's attributes and, with `body`, records everything in its body or initializer.
    /// Returns the call sites seen.
    private mutating func scanChildren(of cursor: CXCursor, into definition: inout NativeDefinition, body: Bool) -> Set<String> {
        var callSites = Set<String>()
        var unreadable = false
        var variable: CXCursor?  // the last variable declared in the body, whose attributes follow it
        // libclang spells an asm label as its label, however the source wrote it. Only the declaration's own: a local
        // `extern` in its body labels that variable (`asmLabelledLocal`).
        if let label = asmLabel(of: cursor) { definition.asmLabel = label }
        api.visit(cursor) { child in
            let childKind = api.getCursorKind(child)
            if childKind == CXCursorKindValue.varDecl {
                variable = child
                if body { asmLabelledLocal(child) }
            }
            if childKind == CXCursorKindValue.asmLabelAttr { return .next }
            if childKind >= CXCursorKindValue.firstAttr && childKind <= CXCursorKindValue.lastAttrBound {
                if body, let variable, let cleanup = cleanupFunction(child, of: variable) {
                    // `int x __attribute__((cleanup(f)))`: `f` runs when `x` goes out of scope, though no call names it.
                    if let usr = functionsByName[cleanup], let site = location(of: child) {
                        let reference = NativeReference(usr: usr, name: cleanup, site: site, isCall: true, isFunction: true)
                        if !definition.references.contains(reference) { definition.references.append(reference) }
                    }
                    return .next
                }
                if let (name, argument) = attributeSpelling(child), Self.knownAttributes.contains(name) {
                    applyAttribute(name, argument, to: &definition)
                } else {
                    unreadable = true
                }
                return .next
            }
            guard body else { return .next }
            record(child, kind: childKind, in: &definition, callSites: &callSites)
            return .recurse
        }
        if unreadable { applyPrettyPrintedAttributes(of: cursor, to: &definition) }
        return callSites
    }

    /// The USR of the class, struct, union or template type a variable declaration names (by a type reference).
    private func recordUSR(_ cursor: CXCursor) -> String? {
        var found: String?
        api.visit(cursor) { child in
            let kind = api.getCursorKind(child)
            // Inside the initializer too: `auto config = Agg{};` names its type there only (the twenty-seventh sweep's,
            // whose default member initializer made a folder at load).
            guard kind == CXCursorKindValue.typeRef || kind == CXCursorKindValue.templateRef else { return .recurse }
            let referenced = api.getCursorReferenced(child)
            if [CXCursorKindValue.structDecl, CXCursorKindValue.classDecl, CXCursorKindValue.unionDecl, CXCursorKindValue.classTemplate]
                .contains(api.getCursorKind(referenced)) {
                found = api.usr(referenced)
                return .stop
            }
            return .next
        }
        return found
    }

    /// The asm label among `cursor`'s own attributes.
    private func asmLabel(of cursor: CXCursor) -> String? {
        var label: String?
        api.visit(cursor) { child in
            if api.getCursorKind(child) == CXCursorKindValue.asmLabelAttr { label = api.spelling(child) }
            return .next
        }
        return label
    }

    /// A variable declared in a body with an asm label (`extern char **env __asm__("environ")`): a declaration of its
    /// own, linked by the merge to the labelled variable.
    private mutating func asmLabelledLocal(_ variable: CXCursor) {
        guard let label = asmLabel(of: variable) else { return }
        let usr = api.usr(variable)
        guard !usr.isEmpty, let location = location(of: variable) else { return }
        var declared = NativeDefinition(usr: usr, name: api.spelling(variable), location: location, language: language(of: variable), kind: .variable)
        declared.asmLabel = label
        addDeclaration(declared)
    }

    /// The attribute names read from the source that are taken as they are: those this pass acts on, and common
    /// ones it ignores. Any other name was not the attribute's own spelling (a macro's name, which some libclang
    /// versions give as the spelling of what the macro expands to), and the declaration is read as libclang prints it.
    private static let knownAttributes: Set<String> = [
        "constructor", "destructor", "weak", "weakref", "alias", "ifunc", "section", "cleanup",
        "used", "unused", "visibility", "noreturn", "format", "nonnull", "always_inline", "noinline", "cold", "hot", "pure",
        "const", "deprecated", "aligned", "packed", "warn_unused_result", "malloc", "returns_nonnull", "nothrow", "leaf",
        "availability", "swift_name", "swift_attr", "noescape", "flag_enum", "enum_extensibility", "ns_returns_retained",
        "format_arg", "sentinel", "alloc_size", "no_sanitize", "target", "fallthrough", "nodiscard", "maybe_unused",
    ]

    /// The function a `cleanup(f)` attribute of a local variable names, read from the variable's declaration as
    /// libclang prints it (so a `cleanup` spelt through a macro is read too); nil for any other attribute.
    private mutating func cleanupFunction(_ attribute: CXCursor, of variable: CXCursor) -> String? {
        if let (name, _) = attributeSpelling(attribute), name != "cleanup" { return nil }
        guard let prettyPrinted = api.getCursorPrettyPrinted else { return nil }
        let text = api.consume(prettyPrinted(variable, nil))
        guard let open = text.range(of: "cleanup(") else { return nil }
        let name = text[open.upperBound...].drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    /// An attribute not written where it applies (from a macro, or made by token pasting, `PASTE(constr, uctor)`):
    /// the attributes of the declaration as libclang prints it.
    private mutating func applyPrettyPrintedAttributes(of cursor: CXCursor, to definition: inout NativeDefinition) {
        guard let prettyPrinted = api.getCursorPrettyPrinted else { return }
        let text = api.consume(prettyPrinted(cursor, nil))
        var rest = Substring(text)
        // GNU `__attribute__((…))` and C++11/C23 `[[…]]` lists.
        let openers: [(open: String, opening: Character, closing: Character)] = [("__attribute__((", "(", ")"), ("[[", "[", "]")]
        while let (start, opening, closing) = openers.compactMap({ opener in
            rest.range(of: opener.open).map { ($0, opener.opening, opener.closing) }
        }).min(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            rest = rest[start.upperBound...]
            var depth = 2, end = rest.startIndex
            while end < rest.endIndex && depth > 0 {
                if rest[end] == opening { depth += 1 } else if rest[end] == closing { depth -= 1 }
                end = rest.index(after: end)
            }
            let list = rest[..<end].dropLast(2)
            for item in list.split(separator: ",") {
                var trimmed = Substring(item.trimmingCharacters(in: .whitespaces))
                let scopeName = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if trimmed[scopeName.endIndex...].hasPrefix("::") {  // `gnu::constructor`
                    trimmed = trimmed[trimmed.index(scopeName.endIndex, offsetBy: 2)...]
                }
                var name = String(trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                if name.hasPrefix("__") && name.hasSuffix("__") && name.count > 4 { name = String(name.dropFirst(2).dropLast(2)) }
                let argument = trimmed.split(separator: "\"", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
                applyAttribute(name, argument, to: &definition)
            }
            rest = rest[end...]
        }
    }

    /// Records one cursor of a body or initializer.
    private mutating func record(_ cursor: CXCursor, kind: Int32, in definition: inout NativeDefinition, callSites: inout Set<String>) {
        switch kind {
        case CXCursorKindValue.gccAsmStmt, CXCursorKindValue.msAsmStmt:
            if let site = location(of: cursor) { definition.inlineAsm.append(site) }
        case CXCursorKindValue.callExpr:
            let callee = api.getCursorReferenced(cursor)
            guard api.cursorIsNull(callee) == 0, let site = location(of: cursor) else { return }
            let calleeUSR = api.usr(callee)
            callSites.insert("\(calleeUSR)@\(site.line):\(site.column)")
            if calleeUSR == "c:@F@syscall" {
                let number = api.cursorGetNumArguments(cursor) > 0 ? api.evaluateInteger(api.cursorGetArgument(cursor, 0)) : nil
                definition.syscalls.append(SyscallSite(site: site, number: number))
            }
            if calleeUSR == "c:@F@dlsym" || calleeUSR == "c:@F@dlvsym", api.cursorGetNumArguments(cursor) > 1,
               let name = api.evaluateString(api.cursorGetArgument(cursor, 1)), !name.isEmpty {
                // `dlsym(RTLD_DEFAULT, "system")`: the function looked up is as good as called (as in Swift source).
                let found = NativeReference(usr: "c:@F@" + name, name: name, site: site, isCall: true, isFunction: true)
                if !definition.references.contains(found) { definition.references.append(found) }
                // `dlsym(RTLD_DEFAULT, "environ")`: a variable looked up is as good as read.
                let variable = NativeReference(usr: "c:@" + name, name: name, site: site, isCall: false, isFunction: false)
                if !definition.references.contains(variable) { definition.references.append(variable) }
            }
        case CXCursorKindValue.declRefExpr, CXCursorKindValue.memberRefExpr:
            let referenced = api.getCursorReferenced(cursor)
            guard api.cursorIsNull(referenced) == 0 else { return }
            if kind == CXCursorKindValue.declRefExpr, api.spelling(referenced) == "syscall", api.usr(referenced) == "c:@F@syscall",
               let site = location(of: cursor), !callSites.contains("c:@F@syscall@\(site.line):\(site.column)") {
                // `long (*sc)(long, ...) = syscall`: a call through the pointer may make any system call.
                definition.syscalls.append(SyscallSite(site: site, number: nil))
            }
            guard keepReferences else { return }
            let referencedKind = api.getCursorKind(referenced)
            let isFunction = CXCursorKindValue.functionLike.contains(referencedKind)
            guard isFunction || referencedKind == CXCursorKindValue.varDecl, let site = location(of: cursor) else { return }
            let usr = api.usr(referenced)
            guard !usr.isEmpty else { return }
            let reference = NativeReference(usr: usr, name: api.spelling(referenced), site: site,
                                            isCall: isFunction && callSites.contains("\(usr)@\(site.line):\(site.column)"),
                                            isFunction: isFunction)
            if !definition.references.contains(reference) { definition.references.append(reference) }
        default:
            break
        }
    }

    /// Reads an attribute's spelling from the source (libclang exposes `constructor`, `section`, `weak`,
    /// `alias` and `ifunc` only as "unexposed" attributes) and records what it implies.
    private mutating func applyAttribute(_ name: String, _ argument: String?, to definition: inout NativeDefinition) {
        switch name {
        case "constructor": definition.loadTime.insert(.constructor)
        case "destructor": definition.loadTime.insert(.destructor)
        case "weak": if definition.kind != .variable { definition.loadTime.insert(.weak) }
        case "alias":
            definition.loadTime.insert(.alias)
            if let argument { definition.aliasOf.append(argument) }
        case "ifunc":
            definition.loadTime.insert(.ifuncResolver)
            if let argument { definition.aliasOf.append(argument) }
        case "weakref":
            // `static int quiet(const char *, int, ...) __attribute__((weakref("open")))`: calling `quiet` calls `open`.
            if let argument { definition.aliasOf.append(argument) }
        case "section":
            guard let section = argument else { return }
            let initSections = [".init_array", ".preinit_array", ".fini_array", ".ctors", ".dtors"]
            if initSections.contains(where: { section == $0 || section.hasPrefix($0 + ".") }) {
                definition.loadTime.insert(.initSection)
            } else if section == ".init" || section == ".fini" {
                definition.loadTime.insert(.codeSection)
            } else if let first = section.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first),
                      section.unicodeScalars.allSatisfy({ $0 == "_" || CharacterSet.alphanumerics.contains($0) && $0.isASCII }) {
                // A section named like a C identifier gets `__start_<name>` and `__stop_<name>` from the linker: code
                // walking from one to the other reaches everything placed in it (a table of hooks, `finish()`).
                if !customSections[section, default: []].contains(where: { $0.usr == definition.usr }) {
                    customSections[section, default: []].append((definition.usr, definition.location))
                }
            }
        default:
            break
        }
    }

    /// `(name, first string argument)` of an attribute, e.g. `("section", ".init_array")`, with `__x__` spelt `x`; nil
    /// when the attribute is not written where it applies (it comes from a macro, or its name was made by token
    /// pasting): libclang versions differ in where they say such an attribute is spelt.
    private mutating func attributeSpelling(_ cursor: CXCursor) -> (String, String?)? {
        let location = api.getRangeStart(api.getCursorExtent(cursor))
        guard let start = api.place(location, spelling: true), let expansion = api.place(location),
              start.file == expansion.file, start.offset == expansion.offset,
              let bytes = text(of: start.file), start.offset < bytes.count else { return nil }
        func isIdentifier(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
        }
        var index = start.offset, nameStart = start.offset
        while index < bytes.count && isIdentifier(bytes[index]) { index += 1 }
        if index + 2 < bytes.count && bytes[index] == 0x3A && bytes[index + 1] == 0x3A {
            // `[[gnu::constructor]]`: the name follows the attribute's scope.
            index += 2
            nameStart = index
            while index < bytes.count && isIdentifier(bytes[index]) { index += 1 }
        }
        var name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        if name.hasPrefix("__") && name.hasSuffix("__") && name.count > 4 { name = String(name.dropFirst(2).dropLast(2)) }
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        guard index < bytes.count, bytes[index] == 0x28 /* ( */ else { return (name, nil) }
        guard let open = bytes[index...].prefix(4096).firstIndex(of: 0x22 /* " */),
              let close = bytes[(open + 1)...].prefix(4096).firstIndex(of: 0x22),
              !bytes[index..<open].contains(0x29 /* ) */) else { return (name, nil) }
        return (name, String(decoding: bytes[(open + 1)..<close], as: UTF8.self))
    }

    private mutating func text(of file: String) -> [UInt8]? {
        if let known = texts[file] { return known }
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        texts[file] = [UInt8](data)
        return texts[file]
    }

    /// The expansion location of a cursor (where the code was compiled, also inside a macro) as a source location.
    private mutating func location(of cursor: CXCursor) -> SourceLocation? {
        guard let place = api.place(api.getCursorLocation(cursor)), !place.file.isEmpty else { return nil }
        let path: String
        if let known = paths[place.file] {
            path = known
        } else {
            path = URL(fileURLWithPath: place.file).standardizedFileURL.path
            paths[place.file] = path
        }
        return SourceLocation(file: path, line: place.line, column: place.column)
    }

    private func language(of cursor: CXCursor) -> SymbolLanguage {
        switch api.getCursorLanguage(cursor) {
        case 2: return .objc
        case 3: return .cxx
        default: return .c
        }
    }

    private func symbolKind(_ kind: Int32) -> SymbolKind {
        switch kind {
        case CXCursorKindValue.cxxMethod, CXCursorKindValue.objcInstanceMethodDecl: return .instanceMethod
        case CXCursorKindValue.objcClassMethodDecl: return .classMethod
        case CXCursorKindValue.constructor: return .constructor
        case CXCursorKindValue.destructor: return .destructor
        case CXCursorKindValue.conversionFunction: return .conversionFunction
        default: return .function
        }
    }
}
