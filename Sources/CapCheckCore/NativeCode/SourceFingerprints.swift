import Foundation

/// What each C-family source was compiled from, as the libclang cache's key: the SHA-256 of the content of the
/// source and of every non-system header its index unit lists (so a fresh clone, a clean build or a touched file
/// keeps the key, and any edit changes it), and the size and modification time of each system header (a libc
/// update). Each distinct file is read once, on both cores; a file's hash is remembered (in `memo`) while its
/// size and modification time stay the same, as a build system would trust them.
struct SourceFingerprints {
    /// Per source path, the files its compilation read.
    let inputs: [String: [(path: String, isSystem: Bool)]]
    /// Per file, the SHA-256 of its path and fingerprint.
    private let files: [String: [UInt8]]

    /// - Parameter memo: where to remember content hashes between runs (nil: nowhere).
    init(inputs: [String: [(path: String, isSystem: Bool)]], memo: URL? = nil) {
        self.inputs = inputs
        var isSystem: [String: Bool] = [:]
        for list in inputs.values { for file in list { isSystem[file.path] = file.isSystem } }
        let paths = isSystem.keys.sorted(), system = paths.map { isSystem[$0]! }
        let remembered = memo.map(Self.load) ?? [:]
        let computed = concurrentMap(paths.count) { index -> (stamp: String, fingerprint: String) in
            let stamp = FileStamp.of(paths[index]) ?? "missing"
            if system[index] { return (stamp, "system " + stamp) }
            if let known = remembered[paths[index]], known.stamp == stamp { return (stamp, known.fingerprint) }
            return (stamp, Self.contentHash(of: paths[index]))
        }
        files = Dictionary(uniqueKeysWithValues: zip(paths, computed).map { path, file in
            var hasher = SHA256()
            hasher.update(field: path)
            hasher.update(field: file.fingerprint)
            return (path, hasher.digest())
        })
        if let memo {
            let current = Dictionary(uniqueKeysWithValues: zip(paths, computed).filter { !isSystem[$0.0]! })
            if current.contains(where: { remembered[$0.key]?.stamp != $0.value.stamp }) { Self.store(current, to: memo) }
        }
    }

    /// The fingerprint of everything `source` was compiled from; nil when the build did not compile it.
    func fingerprint(of source: String) -> String? {
        guard let list = inputs[source] else { return nil }
        // The set of the files' digests, in a fixed order, hashed at once.
        let digests = Set(list.compactMap { files[$0.path] }).sorted { $0.lexicographicallyPrecedes($1) }
        var hasher = SHA256()
        hasher.update(Data(digests.joined()))
        return hasher.hexDigest()
    }

    private static func contentHash(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "missing" }
        var hasher = SHA256()
        hasher.update(data)
        return hasher.hexDigest()
    }

    private static func load(_ file: URL) -> [String: (stamp: String, fingerprint: String)] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [:] }
        var reader = CompactReader(data)
        guard let entries = try? reader.array({ try ($0.string(), $0.string(), $0.string()) }) else { return [:] }
        return Dictionary(entries.map { ($0.0, (stamp: $0.1, fingerprint: $0.2)) }, uniquingKeysWith: { first, _ in first })
    }

    private static func store(_ entries: [String: (stamp: String, fingerprint: String)], to file: URL) {
        var writer = CompactWriter()
        writer.array(entries.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.value.stamp)
            writer.string(entry.value.fingerprint)
        }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? writer.data.write(to: file, options: .atomic)
    }
}
