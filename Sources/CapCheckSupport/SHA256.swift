import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), for cache keys an adversarial dependency must not be able to collide: the libclang
/// cache is keyed by the content of the sources it parsed, and a crafted header that hashed like a reviewed one
/// would be served that one's findings. (Foundation has no SHA-256 on Linux, and capcheck adds no dependency.)
/// The blocks are compressed in C (`CSHA256`), with the CPU's SHA instructions where it has them.
package struct SHA256 {
    private var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    private var pending: [UInt8] = []
    private var byteCount: UInt64 = 0

    package init() { pending.reserveCapacity(64) }

    /// Adds the bytes of `data`.
    package mutating func update(_ data: Data) {
        data.withUnsafeBytes { update(bytes: $0) }
    }

    /// Adds bytes: whole blocks straight from the buffer, the rest through `pending`.
    package mutating func update(bytes buffer: UnsafeRawBufferPointer) {
        let bytes = buffer.bindMemory(to: UInt8.self)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            if pending.count == 64 { compressPending() }
        }
        let blocks = (bytes.count - offset) / 64
        if blocks > 0 {
            compress(bytes.baseAddress! + offset, blocks: blocks)
            offset += 64 * blocks
        }
        if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
        byteCount &+= UInt64(bytes.count)
    }

    /// Adds a string as its UTF-8 length and bytes, so that ("ab", "c") and ("a", "bc") differ.
    package mutating func update(field text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var prefix = Array(String(utf8.count).utf8)
            prefix.append(UInt8(ascii: ":"))
            prefix.withUnsafeBytes { update(bytes: $0) }
            update(bytes: UnsafeRawBufferPointer(utf8))
        }
    }

    /// The digest, in lowercase hexadecimal.
    package mutating func hexDigest() -> String {
        digest().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// The 32-byte digest.
    package mutating func digest() -> [UInt8] {
        let bits = byteCount &* 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        let counted = byteCount
        update(Data(tail))
        byteCount = counted
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
    }

    private mutating func compressPending() {
        pending.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: 1) }
        pending.removeAll(keepingCapacity: true)
    }

    /// `blocks` consecutive 64-byte blocks.
    private mutating func compress(_ data: UnsafePointer<UInt8>, blocks: Int) {
        state.withUnsafeMutableBufferPointer { capcheck_sha256_blocks($0.baseAddress!, data, blocks) }
    }
}
