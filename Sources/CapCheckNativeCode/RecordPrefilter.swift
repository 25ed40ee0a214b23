import CapCheckSupport
import Foundation

/// Spares the prefilter's `clang -E` (`ParsePrefilter`) for the C-family sources whose index records prove what
/// preprocessing would show: that the source's own lines hold no trigger, and that each of its headers with triggers
/// expands exactly as in another source's compilation, so that one source's preprocessing (and parse) covers it.
///
/// A trigger in expanded text comes from a file's own text, from the body of a macro expanded there, or from token
/// pasting. The records list every macro a file expands (nested and pasted-together names included) or tests in
/// `#if`, as `c:<file base name>@<offset>@macro@<name>` (`c:@macro@<name>` for one predefined, from the command line or
/// of a system header); so a source's own lines are clear when its raw text (`RawFileFacts`) has no trigger word, no
/// macro it expands has one in its body (`MacroBodyFacts`), and no paste in an expansion can make one from the words
/// of the invocation and of the bodies expanded within it (`MacroSite`). A header's expanded lines are fixed by its
/// text, the branches its conditionals took and the macros it expands; the first two are in its record (a record is
/// named by its content: a macro defined or not changes the references in it), the bodies by the content of the files
/// the macros' USRs name and, for the others, by their definitions' text. So the identity of a header's lines is its
/// path, its record, the compile flags, and those contents and texts. Whatever the raw reading cannot follow (line
/// markers, trigraphs, digraphs, language-dependent literals, builtins whose value differs per inclusion, an include
/// where some branch of the conditionals may leave a block open or after a macro with braces, a package header clang
/// reads as a system header, a header a system header includes, clang modules) sends the source to `clang -E`. The
/// rule and its proof: docs/semantics.md, "Which sources need no `clang -E` at all".
package struct RecordPrefilter: Sendable {
    package let records: CUnitRecords
    package let folders: PackageFolders
    /// The clang that lists the compiler's predefined macros (`-dM -E`).
    package let clang: URL
    let memo = RecordPrefilterMemo()

    package init(records: CUnitRecords, folders: PackageFolders, clang: URL) {
        self.records = records
        self.folders = folders
        self.clang = clang
    }

    /// What the records say of one source.
    package enum Verdict: Sendable, Equatable {
        /// Its own lines hold no trigger; these headers of it have triggers, each with the identity of its lines.
        case cleared(headers: [Header])
        /// It must be preprocessed, for this reason.
        case preprocess(reason: String)
        /// It must be preprocessed for what its own lines hold (`reason`); its headers with triggers are as a cleared
        /// source's would be, with these identities: its preprocessing can stand for theirs in the cleared sources.
        case preprocessOwnLines(reason: String, headers: [Header])

        /// Why it must be preprocessed; nil when it need not.
        package var reason: String? {
            switch self {
            case .cleared: return nil
            case .preprocess(let reason), .preprocessOwnLines(let reason, _): return reason
            }
        }
    }

    /// A header with triggers of a cleared source, and the identity of its lines there.
    package struct Header: Sendable, Hashable {
        package let path: String
        package let identity: String

        package init(path: String, identity: String) {
            self.path = path
            self.identity = identity
        }
    }

    /// One source's compilation, as the macro lookups need it.
    struct Context {
        let command: ClangCompileCommand
        /// The SHA-256 of the flags that decide how a header expands (every compile flag; the language).
        let flags: String
        /// The files the compilation read, by base name.
        let byBase: [String: [String]]
        let systemFiles: [String]
        /// Names `systemFiles` and the flags (what is kept per list of system files: the names they include, the
        /// definitions they make).
        let systemKey: String
    }

    package func verdict(for command: ClangCompileCommand) -> Verdict {
        let source = command.source
        let ext = (source as NSString).pathExtension
        if ext == "m" || ext == "mm" { return .preprocess(reason: "Objective-C (+load)") }
        guard !records.compiledTwice.contains(source), let unit = records.units[source] else {
            return .preprocess(reason: "no single index unit")
        }
        if let flag = command.hidingIncludes {
            return .preprocess(reason: "compiled with \(flag), whose includes the unit does not list")
        }
        guard let object = command.output, LoadTimeSections.present(inObjectAt: object) == false else {
            return .preprocess(reason: "its object file has load-time sections or cannot be read")
        }
        var ownReason: String?
        /// A reason found after the source's own lines: theirs is the one reported.
        func preprocess(_ reason: String) -> Verdict { .preprocess(reason: ownReason ?? reason) }
        var byBase: [String: [String]] = [:]
        var files: [String] = [source], seen: Set<String> = [source], systemFiles: [String] = []
        for file in unit.files where seen.insert(file.path).inserted {
            let inPackage = memo.inPackage(file.path, folders)
            if file.clangSystem && inPackage { return .preprocess(reason: "\(file.path) is a package's header clang reads as a system header") }
            if file.clangSystem { systemFiles.append(file.path) } else { files.append(file.path) }
        }
        for file in seen { byBase[Self.baseName(file), default: []].append(file) }
        let flags = memo.flagsDigest(command), cplusplus = Self.cplusplus(command)
        var systemHasher = SHA256()
        for field in systemFiles + [flags] { systemHasher.update(field: field) }
        let context = Context(command: command, flags: flags, byBase: byBase, systemFiles: systemFiles, systemKey: systemHasher.hexDigest())
        // The base names the package's files include, and those included where a block may be open (inside braces, after
        // a brace inside a conditional group, or after a macro whose body has braces).
        var included = Set(Self.forcedIncludes(command.arguments)), inBlock: [String: String] = [:]
        var triggered: [(path: String, evaluation: Evaluation, record: String?, sensitive: [ClosedRange<Int>])] = []
        var includesOf: [String: [String]] = [:]
        for file in files {
            guard let raw = memo.raw(of: file, cplusplus: cplusplus) else { return preprocess("\(file) could not be read") }
            if let unsafe = raw.unsafe { return preprocess("\(unsafe.what) at \(file):\(unsafe.line)") }
            let record = unit.records[file]
            var evaluation = Evaluation()
            if let record {
                guard let evaluated = evaluate(record: record, of: file, in: context) else {
                    return preprocess("the record of \(file) cannot be read")
                }
                evaluation = evaluated
            }
            if let missing = evaluation.missing {
                return preprocess("the definition of macro \(missing.name) (\(missing.usr)) used in \(file) was not found")
            }
            for include in raw.includes {
                included.insert(include.base)
                if !include.atFileScope || include.line > evaluation.firstBraces, inBlock[include.base] == nil {
                    inBlock[include.base] = "\(file):\(include.line)"
                }
            }
            includesOf[Self.baseName(file), default: []] += raw.includes.map(\.base)
            if file == source {
                // The source is preprocessed for its own lines; its headers are still read, so that its preprocessing can
                // stand for theirs.
                if let trigger = raw.trigger { ownReason = "\(trigger.word) at line \(trigger.line)" }
                else if let use = evaluation.triggering { ownReason = "macro \(use.name) at line \(use.line) could make a trigger" }
                continue
            }
            guard raw.trigger != nil || evaluation.triggering != nil else { continue }
            if let name = evaluation.ambiguous {
                return preprocess("\(file) has triggers and uses \(name), which several files of one name define differently")
            }
            if raw.dynamic != nil || evaluation.dynamic {
                return preprocess("\(file) has triggers and a builtin whose value differs per inclusion")
            }
            triggered.append((file, evaluation, record, raw.sensitive))
        }
        // What a file included in a block includes is in the block too.
        var pending = Array(inBlock.keys)
        while let base = pending.popLast() {
            for next in includesOf[base] ?? [] where inBlock[next] == nil {
                inBlock[next] = inBlock[base]
                pending.append(next)
            }
        }
        var headers: [Header] = []
        for header in triggered {
            let base = Self.baseName(header.path)
            guard included.contains(base) || included.contains("*") else {
                return preprocess("\(header.path) has triggers and no package file names it in an include")
            }
            if let place = inBlock[base] ?? inBlock["*"] {
                return preprocess("\(header.path) has triggers and may be included inside a block (\(place))")
            }
            let systemIncludes = memo.systemIncludes(systemFiles, key: context.systemKey)
            if systemIncludes.contains(base) || systemIncludes.contains(Self.unreadableSystemHeader) {
                return preprocess("\(header.path) has triggers and a system header includes a file of its name")
            }
            let identity = identity(of: header.path, record: header.record, evaluation: header.evaluation, sensitive: header.sensitive, in: context)
            switch identity {
            case .success(let identity):
                headers.append(Header(path: memo.standardized(header.path), identity: identity))
            case .failure(let macro):
                return preprocess("\(header.path) has triggers and uses \(macro.name), which the system headers define in several ways, where libclang's facts depend on it")
            }
        }
        if let ownReason { return .preprocessOwnLines(reason: ownReason, headers: headers) }
        return .cleared(headers: headers)
    }

    /// The identity of a header's lines in one compilation: its path, its record, the flags, the content of every file
    /// that holds a definition its macros' USRs name, and the definition texts of each macro whose USR names no file. When
    /// the system headers define such a macro in several ways, which one is in effect depends on what was included
    /// before, which the record does not show: that can change only what the record does not hold (indexed names and
    /// references are in it), so the identity fails (with the macro) when a definition of it could make a trigger, or it
    /// is used on a line whose meaning libclang's facts depend on (`RawFileFacts.sensitive`).
    private func identity(of path: String, record: String?, evaluation: Evaluation, sensitive: [ClosedRange<Int>],
                          in context: Context) -> Result<String, UnplacedMacro> {
        var hasher = SHA256()
        for field in [memo.standardized(path), record ?? "-", context.flags] { hasher.update(field: field) }
        for file in evaluation.definingFiles {
            hasher.update(field: Self.baseName(file))
            hasher.update(field: memo.digest(of: file) ?? "unreadable")
        }
        for (name, lines, couldTrigger) in evaluation.unplaced {
            let texts = unplacedTexts(of: name, in: context)
            if texts.count > 1, couldTrigger || lines.contains(where: { line in sensitive.contains { $0.contains(line) } }) {
                return .failure(UnplacedMacro(name: name))
            }
            hasher.update(field: name)
            for text in texts { hasher.update(field: text) }
        }
        return .success(hasher.hexDigest())
    }

    /// A macro whose USR names no file and that the system headers define in several ways.
    struct UnplacedMacro: Error {
        let name: String
    }

    /// Whether the source is compiled as C++ (from its extension); nil when the flags could say otherwise (`-x`, or
    /// `__cplusplus` defined or undefined on the command line).
    static func cplusplus(_ command: ClangCompileCommand) -> Bool? {
        if command.arguments.contains(where: { $0 == "-x" || $0.hasPrefix("-x") && $0.count > 2 || $0.contains("__cplusplus") }) { return nil }
        switch language(of: command.source) {
        case "c": return false
        case "c++": return true
        default: return nil
        }
    }

    static func language(of source: String) -> String {
        switch (source as NSString).pathExtension {
        case "c": return "c"
        case "m": return "objective-c"
        case "mm": return "objective-c++"
        default: return "c++"
        }
    }

    /// Stands in `RecordPrefilterMemo.systemIncludes` for a system header that could not be read.
    static let unreadableSystemHeader = "\u{0}unreadable"

    /// The last component of a path.
    static func baseName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The base names of the files `-include` makes every source include first.
    static func forcedIncludes(_ arguments: [String]) -> [String] {
        var names: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "-include", index + 1 < arguments.count { names.append(baseName(arguments[index + 1])) }
            else if argument.hasPrefix("-include"), argument.count > 8, !argument.hasPrefix("-include-") {
                names.append(baseName(String(argument.dropFirst(8))))
            }
        }
        return names
    }
}
