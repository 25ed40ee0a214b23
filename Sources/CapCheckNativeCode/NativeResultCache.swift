import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

/// libclang's findings per source file, kept under `<scratch>/capcheck/native/`. A source is re-parsed only when
/// what it was compiled from changed: the key covers its path, its compile flags, the libclang and the
/// fingerprint of the content of the source and every header it read (`SourceFingerprints`), so the cache
/// survives clean builds and fresh clones (a CI cache can keep it). The libclang is named by its file (path,
/// size, modification time), so a warm run need not load it at all. Keys and group names are SHA-256: a
/// dependency must not be able to craft content that is served another file's findings.
///
/// A source's definitions are stored in groups, one per file they are in, each group once under a name derived
/// from its content (`groups/<hash>`): the inline functions of a header that hundreds of sources include (BoringSSL's
/// internal headers) are written, read and merged once, not once per including source. Entries use
/// `CompactWriter`'s encoding inside a `CacheFile`, checked whole before use; a group must also hash to its name.
package struct NativeResultCache {
    package let directory: URL
    /// Which libclang parses: its `FileStamp.identity(of:)`.
    package let libclang: String

    /// What one source's parse produced, by reference: its error diagnostics and the groups of its definitions.
    package struct Entry {
        package var errors: [String]
        package var groups: [String]

        package init(errors: [String], groups: [String]) {
            self.errors = errors
            self.groups = groups
        }
    }

    /// The definitions of one file as seen by one or more sources, by group name.
    package typealias Groups = [String: [NativeDefinition]]

    /// Part of every key: bump it whenever what the prefilter or a parse finds changes, or results cached by an older
    /// capcheck would be reused. 7: `#pragma weak` and `#pragma redefine_extname` bindings; 8: `cleanup` functions and
    /// init-array entries read from the object; 9: entries no symbol names; 10: code in `.init`/`.fini`; 11: functions
    /// written in file-scope `asm`; 12: `weakref`; 13: `syscall`'s
    /// address taken; 22: the calls the object file makes and file-scope `asm` (`ObjectCallEdges`); 23: a variable
    /// `dlsym` looks up by name; 26: a header's file-scope `asm` makes each source that includes it parse itself; 27: so
    /// do a header's `cleanup`, `syscall` and `dlsym`, and members of linker-bracketed sections are read from the object;
    /// 28: file-scope `asm` after `__extension__`; 29: thread-local sections make a source parse itself; 30: a C++
    /// global's class is found inside its initializer (`auto config = Agg{};`); 31: public headers of a custom
    /// `publicHeadersPath`; 32: a `#line` naming another file makes a source parse itself, and so does a header's
    /// `#pragma clang attribute` for each source that includes it.
    private static let format = "native 32"

    package func key(for command: ClangCompileCommand, inputs fingerprint: String) -> String {
        hash([command.source] + command.arguments + [fingerprint])
    }

    /// The key of the system-call table evaluated under a platform's flags for the listed names.
    package func key(forSyscallsOf platform: [String], names: [String]) -> String {
        hash(["syscalls"] + platform + names)
    }

    private func hash(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts + [libclang, Self.format] { hasher.update(field: part) }
        return hasher.hexDigest()
    }

    package func loadSyscalls(_ key: String) -> SyscallTable? {
        decode(syscallFile(key), key: key) { reader in
            let entries = try reader.array { reader in
                // The capabilities, comma-separated: the first, then what else it needs.
                let number = Int64(try reader.int()), name = try reader.string()
                let needed = try reader.string().split(separator: ",").map { Capability(String($0)) }
                guard let first = needed.first else { throw CompactReader.Malformed() }
                return (number, SyscallTable.Entry(name: name, capability: first, alsoNeeds: Array(needed.dropFirst())))
            }
            // Every platform numbers some system calls: an empty table is damage, not a finding.
            guard !entries.isEmpty else { throw CompactReader.Malformed() }
            return SyscallTable(entries: Dictionary(entries, uniquingKeysWith: { first, _ in first }))
        }
    }

    package func storeSyscalls(_ table: SyscallTable, key: String) {
        var writer = CompactWriter()
        writer.array(table.entries.sorted { $0.key < $1.key }) { writer, entry in
            writer.int(Int(entry.key))
            writer.string(entry.value.name)
            writer.string(([entry.value.capability] + entry.value.alsoNeeds).map(\.name).joined(separator: ","))
        }
        syscallFile(key).write(writer, key: key)
    }

    /// The cached entry of a source, nil when there is none or it cannot be read.
    package func load(_ key: String) -> Entry? {
        decode(entryFile(key), key: key) { reader in Entry(errors: try reader.array { try $0.string() }, groups: try reader.array { try $0.string() }) }
    }

    /// Whether a source's entry is stored under `key` (not read: a damaged entry still counts).
    package func holds(_ key: String) -> Bool {
        FileManager.default.fileExists(atPath: entryFile(key).url.path)
    }

    /// A group's definitions, nil when the group is missing or damaged (its content must hash to its name).
    package func loadGroup(_ name: String) -> [NativeDefinition]? {
        let file = groupFile(name)
        guard let data = file.read(key: name) else { return nil }
        guard CacheFile.digest(data) == name else {
            file.discardUndecodable()
            return nil
        }
        var reader = CompactReader(data)
        guard let definitions = try? reader.array(NativeDefinition.init(reading:)), reader.isAtEnd else {
            file.discardUndecodable()
            return nil
        }
        return definitions
    }

    /// A cache file's payload decoded whole, nil when missing, written under another key, or damaged.
    private func decode<T>(_ file: CacheFile, key: String, _ body: (inout CompactReader) throws -> T) -> T? {
        guard let data = file.read(key: key) else { return nil }
        var reader = CompactReader(data)
        guard let value = try? body(&reader), reader.isAtEnd else {
            file.discardUndecodable()
            return nil
        }
        return value
    }

    /// Splits a fresh result into groups (of the files in `keepingFiles` only, when given), stores them and the entry
    /// under `key` (when there is one), and returns both, with the group of each file. Write failures are ignored: the
    /// cache is an optimisation only.
    package func store(_ result: NativeSourceScanner.Result, keepingFiles kept: Set<String>? = nil,
                       key: String?) -> (entry: Entry, groups: Groups, files: [String: String]) {
        let byFile = Dictionary(grouping: result.definitions.values, by: \.location.file)
        var groups: Groups = [:]
        var files: [String: String] = [:]
        var entry = Entry(errors: result.errors, groups: [])
        for file in byFile.keys.sorted() where kept?.contains(file) ?? true {
            let definitions = byFile[file]!.sorted { $0.usr < $1.usr }
            var writer = CompactWriter()
            writer.array(definitions) { $1.write(to: &$0) }
            var hasher = SHA256()
            writer.bytes.withUnsafeBytes { hasher.update(bytes: $0) }
            let name = hasher.hexDigest()
            entry.groups.append(name)
            groups[name] = definitions
            files[file] = name
            if key != nil, groupFile(name).read(key: name) == nil { groupFile(name).write(writer, key: name) }
        }
        storeEntry(entry, key: key)
        return (entry, groups, files)
    }

    /// Stores an entry whose groups are stored already (a source the prefilter skipped refers to the groups of the
    /// parses that covered its headers).
    package func storeEntry(_ entry: Entry, key: String?) {
        guard let key else { return }
        var writer = CompactWriter()
        writer.array(entry.errors) { $0.string($1) }
        writer.array(entry.groups) { $0.string($1) }
        entryFile(key).write(writer, key: key)
    }

    private func entryFile(_ key: String) -> CacheFile { CacheFile(url: directory.appendingPathComponent(key + ".source"), format: Self.fileFormat) }
    private func syscallFile(_ key: String) -> CacheFile { CacheFile(url: directory.appendingPathComponent(key + ".syscalls"), format: Self.fileFormat) }
    private func groupFile(_ name: String) -> CacheFile { CacheFile(url: directory.appendingPathComponent("groups/" + name), format: Self.fileFormat) }
    private static var fileFormat: String { format.replacingOccurrences(of: " ", with: "-") }

    package init(directory: URL, libclang: String) {
        self.directory = directory
        self.libclang = libclang
    }
}

// MARK: Encoding

extension SourceLocation {
    package func write(to writer: inout CompactWriter) {
        writer.string(file)
        writer.int(line)
        writer.int(column)
    }

    package init(reading reader: inout CompactReader) throws {
        self.init(file: try reader.string(), line: try reader.int(), column: try reader.int())
    }
}

extension NativeDefinition {
    package func write(to writer: inout CompactWriter) {
        writer.string(usr)
        writer.string(name)
        location.write(to: &writer)
        writer.int(Int(language.rawValue))
        writer.int(Int(kind.rawValue))
        writer.array(inlineAsm) { $1.write(to: &$0) }
        writer.array(syscalls) { writer, call in
            call.site.write(to: &writer)
            writer.bool(call.number != nil)
            writer.int(Int(call.number ?? 0))
        }
        writer.array(references) { writer, reference in
            writer.string(reference.usr)
            writer.string(reference.name)
            reference.site.write(to: &writer)
            writer.int((reference.isCall ? 1 : 0) | (reference.isFunction ? 2 : 0))
        }
        writer.array(LoadTimeReason.allCases.filter(loadTime.contains)) { $0.int(LoadTimeReason.allCases.firstIndex(of: $1)!) }
        writer.array(aliasOf) { $0.string($1) }
        writer.bool(asmLabel != nil)
        writer.string(asmLabel ?? "")
    }

    package init(reading reader: inout CompactReader) throws {
        let usr = try reader.string(), name = try reader.string()
        let location = try SourceLocation(reading: &reader)
        guard let language = SymbolLanguage(rawValue: UInt32(truncatingIfNeeded: try reader.int())),
              let kind = SymbolKind(rawValue: UInt32(truncatingIfNeeded: try reader.int())) else { throw CompactReader.Malformed() }
        self.init(usr: usr, name: name, location: location, language: language, kind: kind)
        inlineAsm = try reader.array(SourceLocation.init(reading:))
        syscalls = try reader.array { reader in
            let site = try SourceLocation(reading: &reader)
            let hasNumber = try reader.bool()
            let number = try reader.int()
            return SyscallSite(site: site, number: hasNumber ? Int64(number) : nil)
        }
        references = try reader.array { reader in
            let usr = try reader.string(), name = try reader.string()
            let site = try SourceLocation(reading: &reader)
            let flags = try reader.int()
            return NativeReference(usr: usr, name: name, site: site, isCall: flags & 1 != 0, isFunction: flags & 2 != 0)
        }
        let reasons = LoadTimeReason.allCases
        loadTime = Set(try reader.array { reader in
            let index = try reader.int()
            guard reasons.indices.contains(index) else { throw CompactReader.Malformed() }
            return reasons[index]
        })
        aliasOf = try reader.array { try $0.string() }
        let hasLabel = try reader.bool()
        let label = try reader.string()
        asmLabel = hasLabel ? label : nil
    }
}
