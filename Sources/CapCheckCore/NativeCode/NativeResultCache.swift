import Foundation

/// libclang's findings per source file, kept under `<scratch>/capcheck/native/`. A source is re-parsed only when
/// it was recompiled: the key covers its path, its compile flags, the libclang version and the modification time
/// of the source's index unit, which the build rewrites whenever the source or anything it includes changes.
struct NativeResultCache {
    let directory: URL
    let libclangVersion: String

    func key(for command: ClangCompileCommand, stamp: Double) -> String {
        var hasher = FNV1a()
        for part in [command.source] + command.arguments + [String(stamp), libclangVersion, "format 1"] {
            hasher.combine(part)
        }
        return String(hasher.value, radix: 16)
    }

    func load(_ key: String) -> NativeSourceScanner.Result? {
        guard let data = FileManager.default.contents(atPath: file(key).path) else { return nil }
        return try? PropertyListDecoder().decode(NativeSourceScanner.Result.self, from: data)
    }

    /// Stores a result; failures are ignored (the cache is an optimisation only).
    func store(_ result: NativeSourceScanner.Result, key: String) {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        guard let data = try? encoder.encode(result) else { return }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? data.write(to: file(key), options: .atomic)
    }

    private func file(_ key: String) -> URL { directory.appendingPathComponent(key + ".plist") }
}

/// 64-bit FNV-1a: a stable hash for cache keys (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100000001b3
        }
        value ^= 0xff  // separator, so ("ab", "c") and ("a", "bc") differ
        value &*= 0x100000001b3
    }
}
