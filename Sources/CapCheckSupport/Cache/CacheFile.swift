import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file of capcheck's caches. It starts with a header line — `capcheck-cache <format> <key digest> <length>
/// <payload digest>` — and the payload follows. A read checks every part: a file written by another format, under
/// another key, truncated, zeroed, flipped or replaced by a folder is not used. A damaged one is removed with one
/// warning line, and the caller recomputes, so a torn write or a bad CI cache restore never changes a verdict.
/// Writes are atomic (a temporary file beside it, flushed to disk, then renamed over it).
package struct CacheFile {
    package let url: URL
    /// Names the payload's encoding (`analysis-3`); a file of another format is ignored without a warning.
    package let format: String

    private static let magic = "capcheck-cache"

    /// A whole file of this format: the digest of the key it was written under, and its payload.
    package struct Contents {
        package let keyDigest: String
        package let payload: Data

        /// Whether it was written under `key`.
        package func matches(key: String) -> Bool { keyDigest == CacheFile.digest(Data(key.utf8)) }

        package init(keyDigest: String, payload: Data) {
            self.keyDigest = keyDigest
            self.payload = payload
        }
    }

    /// The payload, if the file exists, is whole and was written under `key` in this format. A missing file or one
    /// of another key or format is a plain miss; a damaged one is removed and reported through `CacheWarnings`.
    package func read(key: String) -> Data? {
        read().flatMap { $0.matches(key: key) ? $0.payload : nil }
    }

    /// The file's contents whatever key it was written under (for a caller that works its key out meanwhile), if it
    /// exists, is whole and is of this format.
    package func read() -> Contents? {
        guard let data = FileStamp.isDirectory(url.path) ? damaged("a folder stands where the file belongs")
                : FileManager.default.contents(atPath: url.path) else { return nil }
        guard let (fields, newline) = Self.header(of: data), let length = Int(fields[3]) else { return damaged("no header") }
        guard fields[1] == format else { return nil }  // written by another capcheck: not damage
        let payload = data[(newline + 1)...]
        guard payload.count == length else { return damaged("\(payload.count) bytes where the header says \(length)") }
        guard Self.digest(payload) == fields[4] else { return damaged("its checksum does not match") }
        return Contents(keyDigest: fields[2], payload: Data(payload))
    }

    /// The digest of the key the file was written under, from its header alone (the payload is neither read nor
    /// checked: for deciding whether reading the file is worth it); nil when there is no such file of this format.
    package func keyDigest() -> String? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: Self.headerLimit), let (fields, _) = Self.header(of: head) else { return nil }
        return fields[1] == format ? fields[2] : nil
    }

    /// Header lines are shorter than this.
    private static let headerLimit = 512

    /// The five fields of the header line at the start of `data` and the index of its newline; nil when there is none.
    private static func header(of data: Data) -> (fields: [String], newline: Data.Index)? {
        guard let newline = data.firstIndex(of: 0x0A), newline - data.startIndex < headerLimit else { return nil }
        let fields = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: " ").map(String.init)
        return fields.count == 5 && fields[0] == magic ? (fields, newline) : nil
    }

    /// Reports a file whose checksum held but whose payload does not decode (a format error), and removes it.
    package func discardUndecodable() {
        let _: Data? = damaged("its content does not decode")
    }

    /// Writes `payload` under `key`, replacing the file atomically. Failures are ignored: a cache is an optimisation.
    package func write(_ payload: Data, key: String) {
        payload.withUnsafeBytes { write(bytes: $0, key: key) }
    }

    /// Writes what `writer` wrote under `key`, as `write(_:key:)`, without copying it.
    package func write(_ writer: CompactWriter, key: String) {
        writer.bytes.withUnsafeBytes { write(bytes: $0, key: key) }
    }

    private func write(bytes payload: UnsafeRawBufferPointer, key: String) {
        var hasher = SHA256()
        hasher.update(bytes: payload)
        let header = Data("\(Self.magic) \(format) \(Self.digest(Data(key.utf8))) \(payload.count) \(hasher.hexDigest())\n".utf8)
        header.withUnsafeBytes { AtomicFile.write([$0, payload], to: url) }
    }

    /// Removes the file (when a cache's content is known to be wrong for reasons of its own).
    package func remove() { try? FileManager.default.removeItem(at: url) }

    private func damaged<T>(_ why: String) -> T? {
        CacheWarnings.shared.report("ignored the damaged cache file \(url.path) (\(why)); it is recomputed")
        try? FileManager.default.removeItem(at: url)
        return nil
    }

    package static func digest<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        var hasher = SHA256()
        hasher.update(Data(bytes))
        return hasher.hexDigest()
    }

    package init(url: URL, format: String) {
        self.url = url
        self.format = format
    }
}

/// Writes files atomically through `TemporaryFiles` (a temporary file beside the target, registered so that an
/// interrupted run removes it, then renamed over the target). A temporary file left by a process that was killed
/// (`kill -9`) is removed by `removeLeftovers(in:)`.
package enum AtomicFile {
    package static let marker = ".tmp-"

    /// Writes `data` to `url`, creating its folder and replacing a folder that stands where the file belongs.
    /// Failures are ignored: the callers write caches.
    package static func write(_ data: Data, to url: URL) {
        data.withUnsafeBytes { write([$0], to: url) }
    }

    /// Writes `parts`, one after the other, as one file (as `write(_:to:)`).
    package static func write(_ parts: [UnsafeRawBufferPointer], to url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileStamp.isDirectory(url.path) { try? FileManager.default.removeItem(at: url) }
        try? TemporaryFiles.shared.write(parts, to: url)
    }

    /// Removes temporary files in `folders` (not below them) that a process no longer running left behind.
    package static func removeLeftovers(in folders: [URL]) {
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                guard let range = name.range(of: marker, options: .backwards) else { continue }
                let pid = name[range.upperBound...].split(separator: "-").first.flatMap { Int32($0) }
                if let pid, pid == getpid() || kill(pid, 0) == 0 || errno == EPERM { continue }  // its writer still runs
                try? FileManager.default.removeItem(atPath: folder.appendingPathComponent(name).path)
            }
        }
    }
}

/// Warnings about damaged caches, each said once on standard error (they do not change the report).
public final class CacheWarnings: @unchecked Sendable {  // state behind `lock`
    public static let shared = CacheWarnings()
    private let lock = NSLock()
    private var said = Set<String>()

    package func report(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        guard said.insert(message).inserted else { return }
        StandardStream.error.write("capcheck: warning: \(message)\n")
    }
}
