import CapCheckSupport
import Foundation

/// What `RecordPrefilter` reads once per run and shares between the sources: each file's raw facts, bytes, line starts
/// and content digest, each macro definition's facts, the compiler's predefined macros per set of flags, the
/// definitions the system headers make, and each record's evaluation. Every table is behind its own lock.
final class RecordPrefilterMemo: @unchecked Sendable {
    private let raws = Locked<[String: RawFileFacts?]>([:])
    private let texts = Locked<[String: [UInt8]?]>([:])
    private let lineTables = Locked<[String: [Int]?]>([:])
    private let digests = Locked<[String: String?]>([:])
    private let macroFacts = Locked<[String: MacroBodyFacts?]>([:])
    private let predefinedTables = Locked<[String: [String: String]]>([:])
    private let flagDigests = Locked<[[String]: String]>([:])
    private let packagePaths = Locked<[String: Bool]>([:])
    private let standardizedPaths = Locked<[String: String]>([:])
    private let includedBySystem = Locked<[String: Set<String>]>([:])
    private let systemTable = Locked<[String: [(file: String, offset: Int)]]?>(nil)
    /// Kept by `RecordPrefilter`: each record's evaluation, and the facts and texts of macros whose USR names no file.
    let evaluations = Locked<[String: RecordPrefilter.Evaluation]>([:])
    let unplacedFacts = Locked<[String: MacroBodyFacts?]>([:])
    let unplacedTexts = Locked<[String: [String]]>([:])
    /// The base names each record's macro USRs name (the rest of its macros is read again when a record is evaluated
    /// under other flags or files: keeping every record's macros held 100 MB on vapor's graph).
    let recordBases = Locked<[String: [String]?]>([:])

    private func remembered<Key: Hashable, Value>(_ table: Locked<[Key: Value]>, _ key: Key, _ make: () -> Value) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let value = make()
        table.withLock { $0[key] = value }
        return value
    }

    /// The raw facts of `file` read as C (`cplusplus` false), C++ (true) or either (nil).
    func raw(of file: String, cplusplus: Bool? = nil) -> RawFileFacts? {
        let key = file + (cplusplus.map { $0 ? "\u{1}c++" : "\u{1}c" } ?? "")
        return remembered(raws, key) { text(of: file).flatMap { RawFileFacts($0, cplusplus: cplusplus) } }
    }

    func text(of file: String) -> [UInt8]? {
        remembered(texts, file) { FileManager.default.contents(atPath: file).map { [UInt8]($0) } }
    }

    /// The byte offset each line of `file` starts at (a line ends at `\n`, `\r\n` or a lone `\r`, as for clang).
    func lineStarts(of file: String) -> [Int]? {
        remembered(lineTables, file) {
            text(of: file).map { bytes in
                var starts = [0]
                for index in bytes.indices {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                        starts.append(index + 1)
                    }
                }
                return starts
            }
        }
    }

    /// The SHA-256 of the file's content.
    func digest(of file: String) -> String? {
        remembered(digests, file) {
            text(of: file).map { bytes -> String in
                var hasher = SHA256()
                bytes.withUnsafeBytes { hasher.update(bytes: $0) }
                return hasher.hexDigest()
            }
        }
    }

    /// The facts of the `#define` of `name` at `offset` of `file`; nil when there is none there.
    func macro(in file: String, offset: Int, name: String) -> MacroBodyFacts? {
        remembered(macroFacts, "\(file)\u{1}\(offset)\u{1}\(name)") { text(of: file).flatMap { MacroBodyFacts.read($0, offset: offset, name: name) } }
    }

    /// The text of the definition at `offset` of `file`, to the end of its logical line (a backslash, blanks and a newline
    /// continue it, as for clang).
    func definitionText(in file: String, offset: Int) -> String {
        guard let bytes = text(of: file), offset < bytes.count else { return "" }
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        func continues(_ end: Int) -> Bool {
            var before = end - 1
            while before > offset, [UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C, 0x0B].contains(bytes[before]) { before -= 1 }
            return before >= offset && bytes[before] == UInt8(ascii: "\\")
        }
        var end = offset
        while end < bytes.count {
            if bytes[end] == newline || bytes[end] == carriageReturn {
                let lineEnd = end
                if bytes[end] == carriageReturn, end + 1 < bytes.count, bytes[end + 1] == newline { end += 1 }
                if !continues(lineEnd) { end = lineEnd; break }
            }
            end += 1
        }
        return String(decoding: bytes[offset..<min(end, bytes.count)], as: UTF8.self)
    }

    /// Whether `path` lies in a package's folder (every C unit lists the same headers: each is looked at once).
    func inPackage(_ path: String, _ folders: PackageFolders) -> Bool { remembered(packagePaths, path) { folders.contains(path) } }

    func standardized(_ path: String) -> String { remembered(standardizedPaths, path) { PathText.standardized(path) } }

    /// The SHA-256 of the flags that decide how a header expands: every compile flag, and the language.
    func flagsDigest(_ command: ClangCompileCommand) -> String {
        let key = [RecordPrefilter.language(of: command.source)] + command.arguments
        return remembered(flagDigests, key) {
            var hasher = SHA256()
            for field in key { hasher.update(field: field) }
            return hasher.hexDigest()
        }
    }

    /// The base names the system headers `key` names include (a computed include there is taken to name a system
    /// header: a limit, docs/semantics.md); an unreadable one adds `RecordPrefilter.unreadableSystemHeader`.
    func systemIncludes(_ files: [String], key: String) -> Set<String> {
        remembered(includedBySystem, key) {
            var names = Set<String>()
            for file in files {
                if let raw = raw(of: file) { names.formUnion(raw.includes.map(\.base).filter { $0 != "*" }) } else { names.insert(RecordPrefilter.unreadableSystemHeader) }
            }
            return names
        }
    }

    /// Every `#define` of the system headers any compilation read, by name (made once, on first use).
    func systemDefinitions(_ files: () -> [String]) -> [String: [(file: String, offset: Int)]] {
        systemTable.withLock { table in
            if let table { return table }
            var made: [String: [(file: String, offset: Int)]] = [:]
            let all = files()
            let read = concurrentMap(all.count) { self.raw(of: all[$0])?.definitions ?? [:] }
            for (file, definitions) in zip(all, read) {
                for (name, offsets) in definitions { made[name, default: []] += offsets.map { (file, $0) } }
            }
            table = made
            return made
        }
    }

    /// The macros the compiler defines before the first line under these flags (`clang -dM -E`), by name, each as its
    /// definition from the name on (`F(x) x`, `X 1`); empty when clang fails.
    func predefined(flags: String, clang: URL, command: ClangCompileCommand) -> [String: String] {
        remembered(predefinedTables, flags) {
            var table: [String: String] = [:]
            let arguments = command.arguments + ["-dM", "-E", "-w", "-x", RecordPrefilter.language(of: command.source), "/dev/null"]
            if let result = try? ProcessRunner.run(clang, arguments), result.status == 0 {
                for line in String(decoding: result.stdoutData, as: UTF8.self).split(separator: "\n") where line.hasPrefix("#define ") {
                    let rest = line.dropFirst(8)
                    let end = rest.firstIndex { $0 == " " || $0 == "(" } ?? rest.endIndex
                    table[String(rest[..<end])] = String(rest)
                }
            }
            return table
        }
    }
}
