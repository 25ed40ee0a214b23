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
/// `CompactWriter`'s encoding.
struct NativeResultCache {
    let directory: URL
    /// Which libclang parses: its `FileStamp.identity(of:)`.
    let libclang: String

    /// What one source's parse produced, by reference: its error diagnostics and the groups of its definitions.
    struct Entry {
        var errors: [String]
        var groups: [String]
    }

    /// The definitions of one file as seen by one or more sources, by group name.
    typealias Groups = [String: [NativeDefinition]]

    private static let format = "native 4"

    func key(for command: ClangCompileCommand, inputs fingerprint: String) -> String {
        hash([command.source] + command.arguments + [fingerprint])
    }

    /// The key of the system-call table evaluated under a platform's flags for the listed names.
    func key(forSyscallsOf platform: [String], names: [String]) -> String {
        hash(["syscalls"] + platform + names)
    }

    private func hash(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts + [libclang, Self.format] { hasher.update(field: part) }
        return hasher.hexDigest()
    }

    func loadSyscalls(_ key: String) -> SyscallTable? {
        guard let data = FileManager.default.contents(atPath: syscallFile(key).path) else { return nil }
        var reader = CompactReader(data)
        let entries = try? reader.array { reader in
            (Int64(try reader.int()), SyscallTable.Entry(name: try reader.string(), capability: Capability(try reader.string())))
        }
        return entries.map { SyscallTable(entries: Dictionary($0, uniquingKeysWith: { first, _ in first })) }
    }

    func storeSyscalls(_ table: SyscallTable, key: String) {
        var writer = CompactWriter()
        writer.array(table.entries.sorted { $0.key < $1.key }) { writer, entry in
            writer.int(Int(entry.key))
            writer.string(entry.value.name)
            writer.string(entry.value.capability.name)
        }
        write(writer.data, to: syscallFile(key))
    }

    /// The cached entry of a source, nil when there is none or it cannot be read.
    func load(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: entryFile(key).path) else { return nil }
        var reader = CompactReader(data)
        return try? Entry(errors: reader.array { try $0.string() }, groups: reader.array { try $0.string() })
    }

    /// A group's definitions, nil when the group is missing or cannot be read.
    func loadGroup(_ name: String) -> [NativeDefinition]? {
        guard let data = FileManager.default.contents(atPath: groupFile(name).path) else { return nil }
        var reader = CompactReader(data)
        return try? reader.array(NativeDefinition.init(reading:))
    }

    /// Splits a fresh result into groups, stores them and the entry under `key` (when there is one), and returns
    /// both. Write failures are ignored: the cache is an optimisation only.
    func store(_ result: NativeSourceScanner.Result, key: String?) -> (Entry, Groups) {
        let byFile = Dictionary(grouping: result.definitions.values, by: \.location.file)
        var groups: Groups = [:]
        var entry = Entry(errors: result.errors, groups: [])
        for file in byFile.keys.sorted() {
            let definitions = byFile[file]!.sorted { $0.usr < $1.usr }
            var writer = CompactWriter()
            writer.array(definitions) { $1.write(to: &$0) }
            var hasher = SHA256()
            hasher.update(writer.data)
            let name = hasher.hexDigest()
            entry.groups.append(name)
            groups[name] = definitions
            if key != nil, !FileManager.default.fileExists(atPath: groupFile(name).path) { write(writer.data, to: groupFile(name)) }
        }
        if let key {
            var writer = CompactWriter()
            writer.array(entry.errors) { $0.string($1) }
            writer.array(entry.groups) { $0.string($1) }
            write(writer.data, to: entryFile(key))
        }
        return (entry, groups)
    }

    private func write(_ data: Data, to file: URL) {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? TemporaryFiles.shared.write(data, to: file)
    }

    private func entryFile(_ key: String) -> URL { directory.appendingPathComponent(key + ".source") }
    private func syscallFile(_ key: String) -> URL { directory.appendingPathComponent(key + ".syscalls") }
    private func groupFile(_ name: String) -> URL { directory.appendingPathComponent("groups/" + name) }
}

// MARK: Encoding

extension SourceLocation {
    func write(to writer: inout CompactWriter) {
        writer.string(file)
        writer.int(line)
        writer.int(column)
    }

    init(reading reader: inout CompactReader) throws {
        self.init(file: try reader.string(), line: try reader.int(), column: try reader.int())
    }
}

extension NativeDefinition {
    func write(to writer: inout CompactWriter) {
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
    }

    init(reading reader: inout CompactReader) throws {
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
    }
}
