import Foundation

/// What a sink is: the capability it needs and how reports name it.
public struct SinkMatch: Hashable, Sendable {
    public let capability: Capability
    /// The sink as reports show it (`Foundation.FileManager.createFile(atPath:contents:attributes:)`, `socket`).
    public let name: String
    /// Set for the fallback rule "an unclassified C function is `ffi`": it applies only to calls from Swift,
    /// since C code calling C is not crossing a language boundary.
    public let onlyFromSwift: Bool
    /// Held only through a policy entry that lists the capability, never through `"unlisted": "inherit"`
    /// (a binary target's prebuilt code must be granted `ffi` explicitly).
    public var needsExplicitGrant = false
}

/// The catalog of toolchain APIs that need a capability, loaded from the JSON resources in
/// `Catalog/Resources/` (one file per toolchain area) plus the user sinks of the policy.
///
/// Lookups are hash lookups: a symbol's candidate keys (`Foundation:FileManager.createFile(atPath:…)`,
/// `Foundation:FileManager.createFile`, `Foundation:FileManager`) are tried most specific first.
public final class SinkCatalog: @unchecked Sendable {
    private struct Entry {
        let capability: Capability?  // nil: listed as pure
        let reportAsType: Bool
        let matchesTypeReference: Bool
        let key: String
    }

    private var swiftEntries: [String: Entry] = [:]
    private var memberPrefixes: [(prefix: String, capability: Capability)] = []
    private var cFunctions: [String: Capability] = [:]
    private var cVariables: [String: Capability] = [:]
    private var cPure = Set<String>()
    private var cPurePrefixes: [String] = []
    private var userSinks: [String: Capability] = [:]

    /// Module families: the re-exports and platform names under which one API appears.
    static let families: [String: String] = [
        "Foundation": "Foundation", "FoundationEssentials": "Foundation", "FoundationNetworking": "Foundation",
        "FoundationXML": "Foundation", "FoundationInternationalization": "Foundation", "CoreFoundation": "Foundation",
        "Swift": "Swift", "_Concurrency": "Swift", "_StringProcessing": "Swift",
        "Glibc": "libc", "SwiftGlibc": "libc", "Musl": "libc", "Darwin": "libc", "ucrt": "libc", "WASILibc": "libc", "Android": "libc",
        "Dispatch": "Dispatch",
    ]

    /// The catalog shipped with capcheck.
    public static func bundled() throws -> SinkCatalog {
        let catalog = SinkCatalog()
        for file in ["foundation", "stdlib", "libc"] {
            guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Resources") else {
                throw CapCheckError(.toolchain, "capcheck's sink catalog resource \(file).json is missing from its bundle; reinstall capcheck")
            }
            try catalog.load(Data(contentsOf: url), file: file)
        }
        return catalog
    }

    /// Adds the policy's user capabilities: each sink is a demangled qualified-name prefix (`MyVault.Keychain.read`).
    public func addUserSinks(_ sinks: [(prefix: String, capability: Capability)]) {
        for sink in sinks { userSinks[sink.prefix] = sink.capability }
    }

    private func load(_ data: Data, file: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CapCheckError(.toolchain, "catalog resource \(file).json is not a JSON object")
        }
        let module = object["module"] as? String ?? ""
        for entry in object["entries"] as? [[String: Any]] ?? [] {
            guard let match = entry["match"] as? String else { continue }
            let key = module + ":" + match
            swiftEntries[key] = Entry(
                capability: (entry["pure"] as? Bool == true) ? nil : (entry["capability"] as? String).map { Capability($0) },
                reportAsType: entry["report"] as? String == "type",
                matchesTypeReference: entry["typeReference"] as? Bool == true,
                key: key)
        }
        for entry in object["memberPrefixes"] as? [[String: Any]] ?? [] {
            if let prefix = entry["prefix"] as? String, let capability = entry["capability"] as? String {
                memberPrefixes.append((prefix, Capability(capability)))
            }
        }
        for (capability, names) in object["functions"] as? [String: [String]] ?? [:] {
            for name in names { cFunctions[name] = Capability(capability) }
        }
        for (capability, names) in object["variables"] as? [String: [String]] ?? [:] {
            for name in names { cVariables[name] = Capability(capability) }
        }
        for name in object["pure"] as? [String] ?? [] { cPure.insert(name) }
        cPurePrefixes += object["purePrefixes"] as? [String] ?? []
    }

    /// Classifies a graph node; `demangled` is its demangled name for Swift symbols.
    public func classify(_ node: GraphNode, demangled: String?) -> SinkMatch? {
        if node.language.isClang { return classifyClang(node) }
        guard let demangled, let parsed = SwiftSymbolName(demangled: demangled) else { return nil }
        if !userSinks.isEmpty, let match = classifyUser(parsed) { return match }
        guard !node.isDefined else { return nil }
        let family = Self.families[parsed.module] ?? parsed.module
        if family == "libc", let name = parsed.path.last {
            if let capability = cFunctions[name] { return SinkMatch(capability: capability, name: name, onlyFromSwift: false) }
            if let capability = cVariables[name] { return SinkMatch(capability: capability, name: name, onlyFromSwift: false) }
            return nil
        }
        let isTypeReference = node.kind.isType || node.kind == .typealias
        var candidates: [String] = []
        if let labels = parsed.labels { candidates.append(family + ":" + parsed.path.joined(separator: ".") + "(" + labels + ")") }
        for count in stride(from: parsed.path.count, through: 1, by: -1) {
            candidates.append(family + ":" + parsed.path.prefix(count).joined(separator: "."))
        }
        for key in candidates {
            guard let entry = swiftEntries[key] else { continue }
            guard let capability = entry.capability else { return nil }
            if isTypeReference && !entry.matchesTypeReference { return nil }
            let name = entry.reportAsType
                ? family + "." + entry.key.split(separator: ":", maxSplits: 1)[1]
                : family + "." + parsed.qualifiedMember
            return SinkMatch(capability: capability, name: name, onlyFromSwift: false)
        }
        if (family == "Swift" || family == "Foundation"), !isTypeReference, let member = parsed.path.last {
            for prefix in memberPrefixes where member.hasPrefix(prefix.prefix) {
                return SinkMatch(capability: prefix.capability, name: family + "." + parsed.qualifiedMember, onlyFromSwift: false)
            }
        }
        return nil
    }

    /// Whether the catalog lists a C function as pure (no capability, not `ffi`).
    public func isPureC(_ name: String) -> Bool {
        cPure.contains(name) || cPurePrefixes.contains { name.hasPrefix($0) }
    }

    private func classifyClang(_ node: GraphNode) -> SinkMatch? {
        switch node.kind {
        case .function:
            if let capability = cFunctions[node.name] { return SinkMatch(capability: capability, name: node.name, onlyFromSwift: false) }
            if isPureC(node.name) { return nil }
            return SinkMatch(capability: .ffi, name: node.name, onlyFromSwift: true)
        case .variable:
            guard !node.isDefined, let capability = cVariables[node.name] else { return nil }
            return SinkMatch(capability: capability, name: node.name, onlyFromSwift: false)
        default:
            return nil
        }
    }

    private func classifyUser(_ parsed: SwiftSymbolName) -> SinkMatch? {
        let qualified = parsed.module + "." + parsed.qualifiedMember
        if let capability = userSinks[qualified] { return SinkMatch(capability: capability, name: qualified, onlyFromSwift: false) }
        for count in stride(from: parsed.path.count, through: 1, by: -1) {
            let prefix = parsed.module + "." + parsed.path.prefix(count).joined(separator: ".")
            if let capability = userSinks[prefix] { return SinkMatch(capability: capability, name: qualified, onlyFromSwift: false) }
        }
        return nil
    }
}
