import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import Foundation

/// Keeps what the Swift source scan found per file under `<scratch>/capcheck/swift-source-scan` (a `CacheFile`), so a
/// re-check parses only the files that changed (swift-syntax's parser is slow in a debug build of capcheck).
///
/// A file's entry is valid while its key is unchanged: the file's content hash (the analysis key's, so a fresh clone
/// with a restored cache scans nothing again; else its stamp, `FileStamp.of`), the lines the index
/// has occurrences on (they settle `#if` branches), the modules `canImport` finds, the compiler's version, the
/// scanner's format and the capcheck build (`CapCheckBuild`: a capcheck whose rules differ never reads another's
/// findings, and a file its prefilter skipped is not taken to hold none).
package final class SourceScanCache: @unchecked Sendable {  // state behind `lock`
    package struct Entry: Codable {
        package var key: String
        package var findings: [SwiftSourceFinding]
        package var inactiveLines: Int
    }

    /// 2: type lookups by name (`_typeByName`) are findings.
    private static let format = 2
    private let file: CacheFile?
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var changed = false

    /// A cache in `scratch` (nil: none, nothing is kept), for one build configuration.
    package init(scratch: URL?, configuration: String = "debug") {
        file = scratch.map {
            CacheFile(url: ScratchLayout(scratch: $0).swiftSourceScan(configuration: configuration), format: "swift-source-scan-\(Self.format)")
        }
        guard let file, let data = file.read(key: "") else { return }
        guard let stored = try? JSONDecoder().decode([String: Entry].self, from: data) else {
            file.discardUndecodable()
            return
        }
        entries = stored
    }

    /// The cache key of `path` under the scan's settings, or nil when the file cannot be looked at: by the SHA-256 of its
    /// `content` when given, else by its stamp.
    package static func key(path: String, content: String? = nil, indexedLines: Set<Int>, settings: String) -> String? {
        guard let stamp = content.map({ "sha256:" + $0 }) ?? FileStamp.of(path) else { return nil }
        let lines = indexedLines.sorted().map(String.init).joined(separator: ",")
        return "v\(format)|\(CapCheckBuild.identity)|\(stamp)|\(settings)|\(stableHash(lines))"
    }

    /// FNV-1a of the text, in hex: stable across processes (`Hasher` is seeded per process).
    package static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    package func lookup(_ path: String, key: String) -> Entry? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = entries[path], entry.key == key else { return nil }
        return entry
    }

    package func store(_ path: String, _ entry: Entry) {
        lock.lock(); defer { lock.unlock() }
        entries[path] = entry
        changed = true
    }

    /// Writes the cache back when something changed; failures are ignored (the cache is an optimisation only).
    package func save() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard changed, let file, let data = try? encoder.encode(entries) else { return }
        file.write(data, key: "")
    }
}

extension Capability: Codable {
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
