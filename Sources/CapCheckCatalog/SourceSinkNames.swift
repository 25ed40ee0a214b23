import CapCheckSupport
import CapCheckModel

/// The names by which Swift source can spell a sink of the catalog, derived from the catalog's resources (never
/// typed by hand), for scanning code the build does not compile:
///
/// - `types`: a whole type (`UnsafePointer`) or a type all of whose members are sinks (`FileManager`);
/// - `members`: `Type.member` of a member sink (`String.init` with labels `contentsOfFile:encoding:`);
/// - `functions`: the C library functions (`socket`, `getenv`);
/// - `variables`: the C library variables (`environ`), which `dlsym` can look up as well.
package struct SourceSinkNames: Sendable {
    package struct Member: Sendable {
        package let labels: [String]
        package let capability: Capability
        package let sink: String

        package init(labels: [String], capability: Capability, sink: String) {
            self.labels = labels
            self.capability = capability
            self.sink = sink
        }
    }

    package var types: [String: (capability: Capability, sink: String)] = [:]
    package var members: [String: [Member]] = [:]
    package var functions: [String: Capability] = [:]
    package var variables: [String: Capability] = [:]

    package var signatures: [String: Member] = [:]

    /// The member sink `Type.member`: called with `labels` (exactly, else the first label matching: later ones may
    /// be defaulted), or any of that name when `labels` is nil (a property, or a method not called here).
    package func member(_ type: String, _ member: String, labels: [String]?) -> Member? {
        guard let candidates = members[type + "." + member] else { return nil }
        guard let labels else { return candidates.first }
        return candidates.first { $0.labels == labels } ?? candidates.first { $0.labels.first == labels.first }
    }

    /// A member sink of any type with exactly this name and these labels (`removeItem(atPath:)`), for a call on
    /// a value whose type the scan cannot see. Only labelled signatures: `run()` would match anything.
    package func signature(_ member: String, labels: [String]) -> Member? {
        guard labels.contains(where: { $0 != "_" }) else { return nil }
        return signatures[member + "(" + labels.map { $0 + ":" }.joined() + ")"]
    }

    /// Adds a catalog key `Family:Type.member(label:…)` (or a whole type `Family:Type`).
    package mutating func addMember(_ key: String, _ capability: Capability) {
        let (family, path) = Self.split(key)
        let base = path.prefix { $0 != "(" }
        let labels = path.dropFirst(base.count).dropFirst().dropLast().split(separator: ":", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
        let components = base.split(separator: ".").map(String.init)
        guard components.count >= 2 else { return }
        let type = components[components.count - 2], member = components[components.count - 1]
        let entry = Member(labels: labels, capability: capability, sink: family + "." + path)
        members[type + "." + member, default: []].append(entry)
        if path.contains("(") { signatures[member + path.dropFirst(base.count)] = signatures[member + path.dropFirst(base.count)] ?? entry }
    }

    package mutating func addType(_ key: String, _ capability: Capability) {
        let (family, path) = Self.split(key)
        guard let name = path.split(separator: ".").last.map(String.init) else { return }
        types[name] = (capability, family + "." + path)
    }

    private static func split(_ key: String) -> (String, String) {
        let family = key.prefix { $0 != ":" }
        return (String(family), String(key.dropFirst(family.count + 1)))
    }

    package init(types: [String: (capability: Capability, sink: String)] = [:], members: [String: [Member]] = [:], functions: [String: Capability] = [:], signatures: [String: Member] = [:]) {
        self.types = types
        self.members = members
        self.functions = functions
        self.signatures = signatures
    }
}
