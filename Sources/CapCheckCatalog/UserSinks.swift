import CapCheckModel

/// The sinks a policy's own capabilities declare (`"capabilities": { "keychain": { "sinks": ["MyVault.Keychain.read"] } }`):
/// demangled qualified-name prefixes of Swift declarations, defined in the graph or not. Checked before the catalog.
public struct UserSinks: Sendable {
    private let prefixes: [String: Capability]

    /// `sinks`: each prefix with the capability that declares it.
    public init(_ sinks: [(prefix: String, capability: Capability)]) {
        prefixes = Dictionary(sinks.map { ($0.prefix, $0.capability) }, uniquingKeysWith: { _, last in last })
    }

    public var isEmpty: Bool { prefixes.isEmpty }

    /// The user sink a Swift node is, if any: its qualified name (`MyVault.Keychain.read`) or an enclosing type's
    /// (`MyVault.Keychain`) is declared. C symbols never match.
    public func match(_ node: GraphNode, demangled: String?) -> SinkMatch? {
        guard !prefixes.isEmpty, !node.language.isClang, let demangled, let parsed = SwiftSymbolName(demangled: demangled) else { return nil }
        let qualified = parsed.module + "." + parsed.qualifiedMember
        if let capability = prefixes[qualified] { return SinkMatch(capability: capability, name: qualified, onlyFromSwift: false) }
        for count in stride(from: parsed.path.count, through: 1, by: -1) {
            let prefix = parsed.module + "." + parsed.path.prefix(count).joined(separator: ".")
            if let capability = prefixes[prefix] { return SinkMatch(capability: capability, name: qualified, onlyFromSwift: false) }
        }
        return nil
    }
}
