// Catalog probe: ffi: loading code at run time.
import Glibc

public func probe() -> Bool {
    return dlopen(nil, RTLD_NOW) != nil
}
