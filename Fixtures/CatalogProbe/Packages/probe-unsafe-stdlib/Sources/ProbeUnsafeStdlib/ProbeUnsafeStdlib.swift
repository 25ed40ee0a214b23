// Catalog probe: unsafe: a stdlib declaration marked @unsafe.

public func probe() -> UInt {
    return unsafeBitCast(1, to: UInt.self)
}
