// Catalog probe: unsafe: a raw pointer type.

public func probe() {
    let pointer = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    pointer.deallocate()
}
