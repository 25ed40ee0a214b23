#if canImport(Glibc)
import Glibc
#endif

// Binds a Swift name to libc's `socket` without importing it: the index sees a plain Swift function.
@_silgen_name("socket")
func rawSocket(_ domain: Int32, _ type: Int32, _ proto: Int32) -> Int32

// Binds a Swift name to Foundation's `String(contentsOfFile:encoding:)` by its mangled symbol, without importing
// Foundation: the declaration it names is the catalog's `fs` sink (found by an evasion sweep: it was `ffi` only).
@_silgen_name("$sSS20FoundationEssentialsE14contentsOfFile8encodingS2Sh_SSAAE8EncodingVtKcfC")
func readText(_ path: String, _ encoding: UInt) throws -> String

public enum RawNet {
    /// Reads a file through the mangled-name binding.
    public static func readBack() -> String { (try? readText("/etc/hostname", 4)) ?? "" }

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
