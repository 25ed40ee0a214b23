import Foundation

/// The SHA-256 of files' contents, each file read once, on both cores. A file's hash is remembered in a memo file
/// while its stamp (`FileStamp.of`: size, modification and status-change times, inode) stays the same, so a touched
/// file is read again and keeps its hash, and an edited one gets a new one, even when its size and modification time
/// were put back.
package enum ContentHashes {
    /// Per path, the hex SHA-256 of the content, or `missing` when the file cannot be read. The memo is rewritten
    /// when a stamp changed; `memo` nil remembers nothing.
    package static func of(_ paths: [String], memo: URL?) -> [String: String] {
        let remembered = memo.map(load) ?? [:]
        let computed = concurrentMap(paths.count) { index -> (stamp: String, hash: String) in
            let stamp = FileStamp.of(paths[index]) ?? "missing"
            if let known = remembered[paths[index]], known.stamp == stamp { return (stamp, known.hash) }
            return (stamp, contentHash(of: paths[index]))
        }
        let current = Dictionary(zip(paths, computed).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        if let memo, current.contains(where: { remembered[$0.key]?.stamp != $0.value.stamp }) { store(current, to: memo) }
        return current.mapValues(\.hash)
    }

    private static func contentHash(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "missing" }
        var hasher = SHA256()
        hasher.update(data)
        return hasher.hexDigest()
    }

    private static func memoFile(_ url: URL) -> CacheFile { CacheFile(url: url, format: "content-hashes-1") }

    private static func load(_ file: URL) -> [String: (stamp: String, hash: String)] {
        guard let data = memoFile(file).read(key: "") else { return [:] }
        var reader = CompactReader(data)
        guard let entries = try? reader.array({ try ($0.string(), $0.string(), $0.string()) }), reader.isAtEnd else {
            memoFile(file).discardUndecodable()
            return [:]
        }
        return Dictionary(entries.map { ($0.0, (stamp: $0.1, hash: $0.2)) }, uniquingKeysWith: { first, _ in first })
    }

    private static func store(_ entries: [String: (stamp: String, hash: String)], to file: URL) {
        var writer = CompactWriter()
        writer.array(entries.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.value.stamp)
            writer.string(entry.value.hash)
        }
        memoFile(file).write(writer, key: "")
    }
}
