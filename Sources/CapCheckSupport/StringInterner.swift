import Foundation

/// One shared copy of each distinct string made from bytes, for any number of threads.
///
/// The index store repeats every symbol's USR and name in each record that names it (a large graph: about a million
/// symbol entries for some 150 thousand distinct USRs). Reading them through one interner keeps one heap copy of each
/// and makes no new string for a text seen before: the bytes are hashed and compared where the reader lends them.
/// The table is split in stripes, each behind its own lock, so that the record readers on all cores rarely wait.
public final class StringInterner: @unchecked Sendable {  // every stripe's table behind its own lock
    private static let stripeCount = 16
    private let stripes: [Stripe]

    public init() { stripes = (0..<Self.stripeCount).map { _ in Stripe() } }

    /// The string of these UTF-8 bytes: the copy made the first time they were seen.
    public func intern(_ bytes: UnsafeRawBufferPointer) -> String {
        guard !bytes.isEmpty else { return "" }
        // Short strings live inside the `String` value itself: a table would only cost time.
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        let hash = Self.hash(bytes)
        return stripes[Int(hash >> 60) & (Self.stripeCount - 1)].intern(bytes, hash: hash)
    }

    /// A 64-bit hash of the bytes, eight at a time; never 0 (a table's empty slot).
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = 0x243f_6a88_85a3_08d3 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
            hash ^= hash >> 29
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01b3
            offset += 1
        }
        hash ^= hash >> 32
        return hash == 0 ? 1 : hash
    }

    /// One open-addressing table (linear probing, kept under half full) of strings with their hashes (0: an empty slot).
    private final class Stripe {
        private let lock = NSLock()
        private var hashes: [UInt64] = Array(repeating: 0, count: 1024)
        private var strings: [String?] = Array(repeating: nil, count: 1024)
        private var count = 0

        func intern(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> String {
            lock.lock(); defer { lock.unlock() }
            let mask = hashes.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while hashes[slot] != 0 {
                if hashes[slot] == hash, let existing = strings[slot], Self.equal(existing, bytes) { return existing }
                slot = (slot + 1) & mask
            }
            let made = String(decoding: bytes, as: UTF8.self)
            hashes[slot] = hash
            strings[slot] = made
            count += 1
            if count * 2 > hashes.count { grow() }
            return made
        }

        private static func equal(_ string: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
            var string = string
            return string.withUTF8 { utf8 in
                utf8.count == bytes.count && memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            }
        }

        private func grow() {
            let oldHashes = hashes, oldStrings = strings
            hashes = Array(repeating: 0, count: oldStrings.count * 2)
            strings = Array(repeating: nil, count: oldStrings.count * 2)
            let mask = strings.count - 1
            for (hash, string) in zip(oldHashes, oldStrings) where hash != 0 {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while hashes[slot] != 0 { slot = (slot + 1) & mask }
                hashes[slot] = hash
                strings[slot] = string
            }
        }
    }
}
