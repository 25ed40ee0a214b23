#if canImport(Glibc)
import Glibc
#endif

// Binds a Swift name to libc's `socket` without importing it: the index sees a plain Swift function.
@_silgen_name("socket")
func rawSocket(_ domain: Int32, _ type: Int32, _ proto: Int32) -> Int32

public enum RawNet {
    /// Opens a TCP socket through the @_silgen_name binding.
    public static func open() -> Int32 {
        rawSocket(2, 1, 0)
    }

    /// Looks libc's `getenv` up by name: what the symbol string names is what the lookup reaches.
    public static func lookUpGetenv() -> Bool {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "getenv") != nil
    }

    /// Looks a type up by its mangled name: no code names the type found, so what it does is not followed.
    public static func lookUpType() -> Bool {
        _typeByName("Si") != nil
    }
}
