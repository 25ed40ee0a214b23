import Foundation

/// A small binary encoding for capcheck's caches: unsigned LEB128 integers and strings interned per file (each
/// distinct string is written once; later uses are its number). Much smaller and faster to read than a property
/// list for the many repeated paths and USRs of a cache entry, and read without `Codable`.
package struct CompactWriter {
    package init() {}

    package private(set) var bytes: [UInt8] = []
    private var strings: [String: Int] = [:]
    private var recent: [(value: String, number: Int)] = []
    /// How many strings have been written in full (the next one's number).
    private var count = 0

    package mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// A string: `0, length, UTF-8` the first time, `n + 1` for the n-th distinct string after that.
    package mutating func string(_ value: String) {
        // The same few strings (a file path, a package) usually come again at once: compare with the last ones
        // before hashing (a large cache writes hundreds of thousands of strings).
        for (index, entry) in recent.enumerated() where entry.value == value {
            int(entry.number + 1)
            if index > 0 { recent.swapAt(index, index - 1) }
            return
        }
        let next = count
        var isNew = false
        let number = { (slot: inout Int) -> Int in
            if slot < 0 { slot = next; isNew = true }
            return slot
        }(&strings[value, default: -1])
        if recent.count == 4 { recent.removeLast() }
        recent.insert((value, number), at: 0)
        guard isNew else { return int(number + 1) }
        count += 1
        literal(value)
    }

    /// A string that is not worth interning (it will not come again, like a USR): written in full, without hashing
    /// it, and numbered like any other (`CompactReader.string` reads both).
    package mutating func uniqueString(_ value: String) {
        count += 1
        literal(value)
    }

    private mutating func literal(_ value: String) {
        int(0)
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func array<T>(_ values: [T], _ element: (inout CompactWriter, T) -> Void) {
        int(values.count)
        for value in values { element(&self, value) }
    }

    package var data: Data { Data(bytes) }
}

/// Reads what `CompactWriter` wrote; every read throws on truncated or malformed input.
package struct CompactReader {
    package struct Malformed: Error {
        package init() {}
    }

    private let bytes: [UInt8]
    private var offset = 0
    private var strings: [String] = []

    package init(_ data: Data) { bytes = [UInt8](data) }

    package var isAtEnd: Bool { offset == bytes.count }

    package mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
    }

    package mutating func bool() throws -> Bool { try int() != 0 }

    package mutating func string() throws -> String {
        let tag = try int()
        if tag > 0 {
            guard tag - 1 < strings.count else { throw Malformed() }
            return strings[tag - 1]
        }
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        let value = String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
        offset += count
        strings.append(value)
        return value
    }

    package mutating func array<T>(_ element: (inout CompactReader) throws -> T) throws -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }  // every element takes a byte
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }
}
