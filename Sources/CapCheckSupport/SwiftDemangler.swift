/// Demangles Swift USRs through the toolchain's `libswiftDemangle` (`swift_demangle_getDemangledName`).
public final class SwiftDemangler: @unchecked Sendable {  // immutable; swift_demangle_getDemangledName is reentrant
    private typealias DemangleFunction = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>?, Int) -> Int
    private let demangle: DemangleFunction
    private let library: NativeLibrary

    public init(libraryPath: String) throws {
        library = try NativeLibrary(path: libraryPath)
        demangle = try library.function("swift_demangle_getDemangledName")
    }

    /// The readable name of a Swift USR (`s:…`), or nil for clang USRs and names the demangler rejects.
    public func demangle(usr: String) -> String? {
        guard usr.hasPrefix("s:") else { return nil }
        return demangle(mangled: "$s" + usr.dropFirst(2))
    }

    /// Demangles a mangled symbol name (`$s…`).
    public func demangle(mangled: String) -> String? {
        mangled.withCString { input -> String? in
            var buffer = [CChar](repeating: 0, count: 512)
            var needed = demangle(input, &buffer, buffer.count)
            if needed >= buffer.count {
                buffer = [CChar](repeating: 0, count: needed + 1)
                needed = demangle(input, &buffer, buffer.count)
            }
            guard needed > 0 else { return nil }
            return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
    }
}
