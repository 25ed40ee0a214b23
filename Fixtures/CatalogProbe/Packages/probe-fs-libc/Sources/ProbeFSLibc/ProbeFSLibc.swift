// Catalog probe: fs through the C library.
import Glibc

public func probe() -> Int32 {
    return unlink("/tmp/capcheck-probe")
}
