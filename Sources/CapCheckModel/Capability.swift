import CapCheckSupport

/// A named authority a package may hold: one of the built-in capabilities or a user-defined one
/// from the policy's `capabilities` section.
public struct Capability: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    public var description: String { name }
    public static func < (lhs: Capability, rhs: Capability) -> Bool { lhs.name < rhs.name }

    /// Filesystem objects acquired or changed by path.
    public static let fs: Capability = "fs"
    /// Sockets, name resolution, URL loading.
    public static let net: Capability = "net"
    /// Starting or signalling other processes.
    public static let exec: Capability = "exec"
    /// Reading or changing the process environment.
    public static let env: Capability = "env"
    /// The stdlib's unsafe API (raw pointers, `unsafeBitCast`, `Unmanaged`, …).
    public static let unsafe: Capability = "unsafe"
    /// Calling C functions, or loading code with `dlopen`/`dlsym`.
    public static let ffi: Capability = "ffi"
    /// Code that runs at build time: plugins and macros.
    public static let build: Capability = "build"

    /// Every built-in capability, in documentation order.
    public static let builtIn: [Capability] = [.fs, .net, .exec, .env, .unsafe, .ffi, .build]

    /// Effects propagate from callee to caller along call paths; code properties stay with the package whose
    /// own code has them. User capabilities are effects when declared with `"propagates": true`.
    public static let builtInEffects: Set<Capability> = [.fs, .net, .exec, .env]

    /// What a package holding this capability could do, in one line (shown in text reports).
    public var meaning: String? {
        switch name {
        case "fs": return "can read, write or delete files anywhere the process can (e.g. ~/.ssh)"
        case "net": return "can open network connections (e.g. exfiltrate data)"
        case "exec": return "can start other programs with the process's authority"
        case "env": return "can read or change the environment (tokens and secrets often live there)"
        case "unsafe": return "can corrupt memory, bypassing Swift's safety checks"
        case "ffi": return "runs C code, which capcheck's Swift analysis cannot fully see into"
        case "build": return "runs code on your machine at build time"
        default: return nil
        }
    }
}
