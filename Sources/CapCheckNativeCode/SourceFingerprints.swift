import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

/// What each C-family source was compiled from, as the libclang cache's key: the SHA-256 of the content of the
/// source and of every non-system header its index unit lists (so a fresh clone, a clean build or a touched file
/// keeps the key, and any edit changes it), and the size and modification time of each system header (a libc
/// update). Each distinct file is read once, on both cores; a file's hash is remembered (in `memo`) while its
/// stamp (`FileStamp.of`) stays the same.
package struct SourceFingerprints {
    /// Per source path, the files its compilation read.
    package let inputs: [String: [(path: String, isSystem: Bool)]]
    /// Per file, the rank of its digest (the SHA-256 of its path and fingerprint) among all files' digests.
    private let ranks: [String: Int]
    /// The digests in rank order (ascending bytes), 32 bytes each.
    private let digests: [UInt8]

    /// - Parameter memo: where to remember content hashes between runs (nil: nowhere).
    package init(inputs: [String: [(path: String, isSystem: Bool)]], memo: URL? = nil) {
        self.inputs = inputs
        var isSystem: [String: Bool] = [:]
        for list in inputs.values { for file in list { isSystem[file.path] = file.isSystem } }
        let paths = isSystem.keys.sorted()
        let systemStamps = concurrentMap(paths.count) { [isSystem] in isSystem[paths[$0]]! ? "system " + (FileStamp.sizeAndTime(of: paths[$0]) ?? "missing") : nil }
        let contents = ContentHashes.of(paths.filter { !isSystem[$0]! }, memo: memo)
        let files = zip(paths, systemStamps).map { path, systemStamp in
            var hasher = SHA256()
            hasher.update(field: path)
            hasher.update(field: systemStamp ?? contents[path]!)
            return (path: path, digest: hasher.digest())
        }.sorted { $0.digest.lexicographicallyPrecedes($1.digest) }
        ranks = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1.path, $0) })
        digests = files.flatMap(\.digest)
    }

    /// The fingerprint of everything `source` was compiled from; nil when the build did not compile it.
    package func fingerprint(of source: String) -> String? {
        guard let order = ranks(of: source) else { return nil }
        // The set of the files' digests in ascending order, hashed at once.
        var hasher = SHA256()
        digests.withUnsafeBytes { all in
            for rank in order { hasher.update(bytes: UnsafeRawBufferPointer(rebasing: all[(32 * rank)..<(32 * rank + 32)])) }
        }
        return hasher.hexDigest()
    }

    /// Adds to `hasher` which files `source` was compiled from, by rank (what its fingerprint depends on, given
    /// `update(_:)`); false when the build did not compile it. Much cheaper than its fingerprint.
    package func update(_ hasher: inout SHA256, withInputsOf source: String) -> Bool {
        guard let order = ranks(of: source) else { return false }
        order.map { UInt32($0) }.withUnsafeBytes { hasher.update(bytes: $0) }
        hasher.update(field: "\(order.count)")
        return true
    }

    /// Adds every file's digest to `hasher`, in rank order.
    package func update(_ hasher: inout SHA256) {
        digests.withUnsafeBytes { hasher.update(bytes: $0) }
    }

    /// The ranks of the files `source` was compiled from, ascending, each once.
    private func ranks(of source: String) -> [Int]? {
        guard let list = inputs[source] else { return nil }
        var order = list.compactMap { ranks[$0.path] }
        order.sort()
        var unique = 0
        for rank in order where unique == 0 || order[unique - 1] != rank {
            order[unique] = rank
            unique += 1
        }
        return Array(order[..<unique])
    }
}
