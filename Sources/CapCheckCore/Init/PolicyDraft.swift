import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckBuild
import CapCheckCatalog
import CapCheckPolicy
import CapCheckGraph
import CapCheckNativeCode
import CapCheckSwiftSource
import CapCheckBuildTime
import CapCheckChecker
import CapCheckReporters

/// A grant being drafted by `capcheck init`: what a package may hold, one example sink per capability for its
/// `reason` placeholder, and the nested grants it passes on.
package final class PolicyDraft {
    package let key: String
    package var allow: Set<Capability>
    package var examples: [Capability: String]
    package var packages: [String: PolicyDraft] = [:]
    /// Where the package comes from (`"source"`): its URL, or its folder relative to the root package.
    package let source: String?
    /// Capabilities narrowed by value: the entries after `CAP:` (`/etc/ssl/cert.pem`, `@caller`), in order.
    package var narrowed: [Capability: [String]] = [:]
    /// Effects left whole because a value could not be resolved: why, and where.
    package var unresolved: [Capability: String] = [:]
    /// Where every path that needs this grant starts, when that is one place (`"from": "test"`: only the root's tests
    /// reach what it needs); nil when a path from the root's production code needs it too.
    package var from: Policy.Scope?
    /// Capabilities only paths from the root's tests or from the build need, when production paths need the package too:
    /// one entry per package grants them to production as well, which the reason says (the twenty-first sweep's).
    package var onlyElsewhere: [Capability: String] = [:]

    package init(key: String, allow: Set<Capability>, examples: [Capability: String], source: String?) {
        self.key = key
        self.allow = allow
        self.examples = examples
        self.source = source
    }

    /// A placeholder for the reviewer to replace, naming what was found.
    package func reason(passedOnBy parent: String?) -> String {
        guard !allow.isEmpty else { return "TODO: \(parent ?? "the root") passes nothing on to \(key)" }
        let found = allow.sorted().map { capability in
            examples[capability].map { "\(capability.name) (e.g. \($0))" } ?? capability.name
        }
        let whole = unresolved.keys.sorted().map { "\($0.name) is whole because \(unresolved[$0]!)" }
        let elsewhere = onlyElsewhere.keys.sorted().map {
            "REVIEW: \($0.name) is needed only by \(onlyElsewhere[$0]!), but one grant per package gives it to production code too"
        }
        return "TODO: say why \(key) needs this; it reaches \(found.joined(separator: ", "))"
            + (whole.isEmpty ? "" : "; " + whole.joined(separator: "; ")) + (elsewhere.isEmpty ? "" : "; " + elsewhere.joined(separator: "; "))
    }

    /// The `allow` entries: plain capabilities, then `CAP:VALUE` for each narrowed one.
    package var allowEntries: [String] {
        allow.sorted().flatMap { capability in
            narrowed[capability].map { $0.map { "\(capability.name):\($0)" } } ?? [capability.name]
        }
    }

    /// The grant as JSON object text, indented by `indent` spaces.
    package func json(indent: Int, parent: String?) -> String {
        let pad = String(repeating: " ", count: indent)
        var members = [
            "\(pad)  \"allow\": [" + allowEntries.map(\.quoted).joined(separator: ", ") + "]",
            "\(pad)  \"reason\": " + reason(passedOnBy: parent).quoted,
        ]
        if let source { members.append("\(pad)  \"source\": " + source.quoted) }
        if let from { members.append("\(pad)  \"from\": " + from.rawValue.quoted) }
        if !packages.isEmpty {
            members.append("\(pad)  \"packages\": " + Self.object(packages, indent: indent + 2, parent: key))
        }
        return "{\n" + members.joined(separator: ",\n") + "\n\(pad)}"
    }

    /// Grants by key as a JSON object, sorted by key.
    package static func object(_ grants: [String: PolicyDraft], indent: Int, parent: String?) -> String {
        let pad = String(repeating: " ", count: indent)
        let members = grants.keys.sorted().map { key in
            "\(pad)  \(key.quoted): " + grants[key]!.json(indent: indent + 2, parent: parent)
        }
        return "{\n" + members.joined(separator: ",\n") + "\n\(pad)}"
    }
}
