import CapCheckSupport

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
    /// Further capabilities the same sink needs (`localtime_r` reads `TZ` and `/etc/localtime`: `env`, then `fs`).
    public var alsoNeeds: [Capability] = []

    package init(capability: Capability, name: String, onlyFromSwift: Bool, needsExplicitGrant: Bool = false,
                 alsoNeeds: [Capability] = []) {
        self.capability = capability
        self.name = name
        self.onlyFromSwift = onlyFromSwift
        self.needsExplicitGrant = needsExplicitGrant
        self.alsoNeeds = alsoNeeds
    }

    /// Every capability the sink needs: `capability` first.
    public var capabilities: [Capability] { [capability] + alsoNeeds }

    /// The sink as needing only `capability` (one of `capabilities`).
    package func narrowed(to capability: Capability) -> SinkMatch {
        SinkMatch(capability: capability, name: name, onlyFromSwift: onlyFromSwift, needsExplicitGrant: needsExplicitGrant)
    }
}
