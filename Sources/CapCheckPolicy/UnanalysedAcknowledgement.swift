import CapCheckSupport
import CapCheckModel

/// What the policy's `"unanalysed"` section acknowledges of one package's code that capcheck could not analyse: kinds
/// of entry (`"assemblySource"`), or, for kinds that name a capability, one kind and capability
/// (`"inactiveCode:net"`). `check --strict` fails only on entries no acknowledgement covers; the entries are still
/// reported.
public struct UnanalysedAcknowledgement: Sendable {
    /// One entry as written: a kind, and the capability it is narrowed to (nil: every capability of that kind).
    public struct Entry: Sendable, Hashable {
        public let kind: Unanalyzed.Kind
        public let capability: Capability?

        /// The entry as the policy spells it.
        public var written: String { capability.map { "\(kind.rawValue):\($0.name)" } ?? kind.rawValue }
    }

    /// The package identity the acknowledgement is for (the root's included).
    public let package: String
    public let entries: [Entry]
    /// Where the package's key appears in the policy file.
    public let position: SourcePosition

    /// Whether this acknowledgement covers `entry` (of its package).
    public func covers(_ entry: Unanalyzed) -> Bool {
        guard let kind = entry.kind else { return false }
        return entries.contains { $0.kind == kind && ($0.capability == nil || $0.capability?.name == entry.capability) }
    }

    /// The entries that acknowledge every one of `unanalysed` (one package's), narrowest first: a kind with the
    /// capabilities its entries name, else the kind alone.
    public static func entries(covering unanalysed: [Unanalyzed]) -> [Entry] {
        var result = Set<Entry>()
        for entry in unanalysed {
            guard let kind = entry.kind else { continue }
            let capability = Unanalyzed.kindsWithCapability.contains(kind) ? entry.capability.map { Capability($0) } : nil
            result.insert(Entry(kind: kind, capability: capability))
        }
        return result.sorted { $0.written < $1.written }
    }
}

extension Policy {
    /// Whether the policy's `"unanalysed"` section acknowledges `entry`.
    public func acknowledges(_ entry: Unanalyzed) -> Bool {
        unanalysed[entry.package]?.covers(entry) == true
    }
}
