import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckPolicy
import Foundation

/// Readable names for graph nodes in reports, from the toolchain's demangler, cached per USR.
public final class SymbolNaming: @unchecked Sendable {  // cache behind `lock`
    private let demangle: @Sendable (String) -> String?
    private var cache: [String: String] = [:]
    private let lock = NSLock()

    public init(demangler: SwiftDemangler) { demangle = { demangler.demangle(usr: $0) } }

    /// Names from `demangle` (USR → demangled name): tests name nodes without the toolchain's demangler.
    package init(demangle: @escaping @Sendable (String) -> String?) { self.demangle = demangle }

    /// The full demangled name of a Swift node (nil for C symbols and file `main` nodes).
    public func demangled(_ node: GraphNode) -> String? {
        guard node.language == .swift, !node.isFileMain else { return nil }
        return demangled(usr: node.usr)
    }

    /// The USR of a Swift symbol C code names by its mangled name (`$ss11CommandLineO10unsafeArgv…vgZ`, with or without
    /// the leading `_`); nil for any other name.
    public static func swiftUSR(ofCSymbol name: String) -> String? {
        let mangled = name.hasPrefix("_$s") ? name.dropFirst() : Substring(name)
        return mangled.hasPrefix("$s") ? "s:" + mangled.dropFirst(2) : nil
    }

    /// The demangled name of a Swift symbol C code names by its mangled name (`swiftUSR(ofCSymbol:)`); nil for any
    /// other name.
    public func demangled(cSymbol name: String) -> String? {
        guard let usr = Self.swiftUSR(ofCSymbol: name), let demangled = demangled(usr: usr), !demangled.isEmpty else { return nil }
        return demangled
    }

    /// The demangled name of `usr`, cached ("" once the demangler has failed on it).
    private func demangled(usr: String) -> String? {
        lock.lock()
        let known = cache[usr]
        lock.unlock()
        if let known { return known }
        // Demangled outside the lock: the checker classifies nodes on both cores.
        let name = demangle(usr)
        lock.lock()
        cache[usr] = name ?? ""
        lock.unlock()
        return name
    }

    /// `Module.Type.member(labels:)` for Swift, the plain name for C, `top-level code (main.swift)` for scripts.
    public func displayName(_ node: GraphNode) -> String {
        if node.isFileMain { return "top-level code (\((node.location?.file ?? "") .split(separator: "/").last ?? ""))" }
        // A C++ symbol's graph name ends in its USR's signature (`open#*1C#…`): `#` is in no C-family identifier.
        guard let demangled = demangled(node), !demangled.isEmpty else { return String(node.name.prefix { $0 != "#" }) }
        guard let parsed = SwiftSymbolName(demangled: demangled) else { return demangled }
        return parsed.module + "." + parsed.qualifiedMember
    }

    /// The module of a toolchain symbol, from its demangled name (`FoundationEssentials`), or `C` for C symbols.
    public func toolchainModule(_ node: GraphNode) -> String {
        guard let demangled = demangled(node), let parsed = SwiftSymbolName(demangled: demangled) else {
            return node.language.isClang ? "C" : ""
        }
        return parsed.module
    }
}
