#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A shared library opened with `dlopen`, from which C functions are looked up by name.
///
/// capcheck links no toolchain library at build time (so it builds as a plain dependency, no `unsafeFlags`);
/// it loads `libIndexStore` and `libswiftDemangle` at run time instead.
package final class NativeLibrary: @unchecked Sendable {  // an immutable dlopen handle
    package let path: String
    private let handle: UnsafeMutableRawPointer

    package init(path: String) throws {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            // Name the override the path came from, if one did (`CAPCHECK_LIBINDEXSTORE=/dev/null`).
            let variable = ProcessInfo.processInfo.environment.first { $0.key.hasPrefix("CAPCHECK_") && $0.value == path }?.key
            let advice = variable.map { "; \($0) names it: point it at the library from your Swift toolchain (its usr/lib), or unset it" } ?? ""
            throw CapCheckError(.toolchain, "cannot load \(path): \(reason)\(advice)")
        }
        self.path = path
        self.handle = handle
    }

    /// Looks up `name` and casts it to the C function type `T`.
    package func function<T>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let symbol = dlsym(handle, name) else {
            throw CapCheckError(.toolchain, "\(path) does not export \(name); is it from a different toolchain version?")
        }
        return unsafeBitCast(symbol, to: T.self)
    }
}
