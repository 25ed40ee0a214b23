// Catalog probe: net through the C library.
import Glibc

public func probe() -> Int32 {
    return socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
}
