/// A map from 64-bit integers (pointers) to 32-bit values: open addressing, linear probing, a multiplicative hash, kept
/// under half full. Where a `Dictionary` would hash every key with SipHash (once per occurrence and relation of a
/// million-occurrence index store), this costs a multiply. (Tried for the graph's edge set too: no faster there.)
package struct IntegerTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0
    /// Whether key 0 (the empty slot's mark in `keys`) is stored, and its value.
    private var zero: Int32?

    package init() {
        keys = [UInt64](repeating: 0, count: 256)
        values = [Int32](repeating: 0, count: 256)
    }

    /// The value stored under `key`, or `new` after storing it there.
    package mutating func value(of key: UInt64, else new: Int32) -> Int32 {
        if key == 0 {
            if let zero { return zero }
            zero = new
            return new
        }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = new
        count += 1
        if count * 2 > keys.count { grow() }
        return new
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != 0 { _ = self.value(of: key, else: value) }
    }
}
