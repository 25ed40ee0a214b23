// Catalog probe: env through the C library.
import Glibc

public func probe() -> Bool {
    return getenv("HOME") != nil
}
