import Foundation

/// What each C-family source was compiled from, as the libclang cache's key: the SHA-256 of the content of the
/// source and of every non-system header its index unit lists (so a fresh clone, a clean build or a touched file
/// keeps the key, and any edit changes it), and the size and modification time of each system header (a libc
/// update). Each distinct file is read once, on both cores.
struct SourceFingerprints {
    /// Per source path, the files its compilation read.
    let inputs: [String: [(path: String, isSystem: Bool)]]
    private let files: [String: String]

    init(inputs: [String: [(path: String, isSystem: Bool)]]) {
        self.inputs = inputs
        var isSystem: [String: Bool] = [:]
        for list in inputs.values { for file in list { isSystem[file.path] = file.isSystem } }
        let paths = isSystem.keys.sorted(), system = paths.map { isSystem[$0]! }
        let results = ResultSlots<String>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results.set(index, .success(Self.fingerprint(of: paths[index], isSystem: system[index])))
        }
        files = Dictionary(uniqueKeysWithValues: zip(paths, results.values.map { (try? $0?.get()) ?? "unreadable" }))
    }

    /// The fingerprint of everything `source` was compiled from; nil when the build did not compile it.
    func fingerprint(of source: String) -> String? {
        guard let list = inputs[source] else { return nil }
        var hasher = SHA256()
        for path in Set(list.map(\.path)).sorted() {
            hasher.update(field: path)
            hasher.update(field: files[path] ?? "unreadable")
        }
        return hasher.hexDigest()
    }

    private static func fingerprint(of path: String, isSystem: Bool) -> String {
        if isSystem {
            let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "system \(size)@\(modified)"
        }
        guard let data = FileManager.default.contents(atPath: path) else { return "missing" }
        var hasher = SHA256()
        hasher.update(data)
        return hasher.hexDigest()
    }
}
