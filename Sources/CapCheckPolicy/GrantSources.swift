import CapCheckModel
import CapCheckSupport
import Foundation

/// Grants bound to where a package comes from (`"source"`). Grants are keyed by SwiftPM identity, the last part of a
/// URL: a fork or a look-alike at another URL has the same identity and would inherit every grant written for the
/// original. A grant whose `source` is not where the graph resolves the package does not apply, and the check stops
/// with an error that names both places.
public enum GrantSources {
    /// Throws one `CapCheckError(.policy, …)` listing every grant, top-level or nested, whose `source` is not where the
    /// graph resolves its package (mirrors configured with `swift package config set-mirror` count as the original).
    public static func verify(_ policy: Policy, graph: PackageGraph, rootPath: URL) throws {
        let mirrors = MirrorConfiguration.load(rootPath: rootPath)
        var problems: [(position: SourcePosition, message: String)] = []
        func check(_ grants: [String: Policy.Grant]) {
            for grant in grants.values {
                check(grant.packages)
                guard let source = grant.source, let package = graph.package(grant.identity), let location = package.location else { continue }
                let written = PackageLocation(source, relativeTo: rootPath)
                let resolved = PackageLocation(location, relativeTo: rootPath)
                if written == resolved || mirrors.isMirror(resolved, of: written) { continue }
                problems.append((grant.sourcePosition ?? grant.position, """
                    the grant for \(grant.key.quoted) was written for the package at \(source), but this graph resolves \
                    \(grant.identity) from \(PackageLocation.display(location, relativeTo: rootPath)): a package at another place \
                    can take the same identity (a fork, a look-alike), so the grant does not apply. Check where the dependency \
                    comes from; if that place is trusted, set "source" to it (or run `capcheck init --force`)
                    """))
            }
        }
        check(policy.packages)
        guard !problems.isEmpty else { return }
        throw CapCheckError(.policy, problems.sorted { $0.position < $1.position }
            .map { "\(policy.file):\($0.position): \($0.message)" }.joined(separator: "\n"))
    }

    /// One line per grant that names no `source` (any package with the identity gets it), for `check --strict`.
    public static func unbound(_ policy: Policy, graph: PackageGraph, rootPath: URL) -> [String] {
        var lines: [(SourcePosition, String)] = []
        func visit(_ grants: [String: Policy.Grant]) {
            for grant in grants.values {
                visit(grant.packages)
                guard grant.source == nil else { continue }
                let place = graph.package(grant.identity)?.location.map { PackageLocation.display($0, relativeTo: rootPath) } ?? "its URL"
                lines.append((grant.position, "\(policy.file):\(grant.position): the grant for \(grant.key.quoted) names no \"source\", so a package "
                              + "with the identity \(grant.identity.quoted) from anywhere gets it; add \"source\": \"\(place)\""))
            }
        }
        visit(policy.packages)
        return lines.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// A package's place compared the way SwiftPM compares them: a URL without scheme, user, `.git` suffix, trailing
/// slash or case (`git@github.com:jpsim/Yams.git` is `https://github.com/jpsim/yams`); a local folder by its standardized
/// absolute path.
package struct PackageLocation: Hashable {
    package let canonical: String

    package init(_ text: String, relativeTo root: URL) {
        if Self.isURL(text) {
            var value = text.lowercased()
            let scheme = value.range(of: "://")
            if let scheme { value = String(value[scheme.upperBound...]) }
            if let at = value.firstIndex(of: "@"), value[..<at].allSatisfy({ $0 != "/" }) { value = String(value[value.index(after: at)...]) }
            if scheme == nil, let colon = value.firstIndex(of: ":") {
                value.replaceSubrange(colon...colon, with: "/")  // scp-like `host:owner/repo`
            }
            while value.hasSuffix("/") { value.removeLast() }
            if value.hasSuffix(".git") { value.removeLast(4) }
            canonical = value
        } else {
            let folder = URL(fileURLWithPath: root.path, isDirectory: true)
            canonical = URL(fileURLWithPath: text, relativeTo: folder).standardizedFileURL.resolvingSymlinksInPath().path
        }
    }

    /// A URL (`https://…`, `ssh://…`, `git@host:…`), as opposed to a folder.
    package static func isURL(_ text: String) -> Bool {
        text.contains("://") || (!text.hasPrefix("/") && !text.hasPrefix(".") && text.contains("@") && text.contains(":"))
    }

    /// How messages and `init` show a place: a URL as written, a folder relative to the root package when it is below
    /// the root or its parent folder.
    package static func display(_ text: String, relativeTo root: URL) -> String {
        guard !isURL(text) else { return text }
        let folder = URL(fileURLWithPath: text).standardizedFileURL.path
        let rootFolder = root.standardizedFileURL.path
        if folder.hasPrefix(rootFolder + "/") { return String(folder.dropFirst(rootFolder.count + 1)) }
        let base = root.standardizedFileURL.deletingLastPathComponent().path
        if folder.hasPrefix(base + "/") { return "../" + folder.dropFirst(base.count + 1) }
        return folder
    }
}

/// The package mirrors SwiftPM uses (`swift package config set-mirror`): the root package's
/// `.swiftpm/configuration/mirrors.json`, then the user's `~/.swiftpm/configuration/mirrors.json`.
struct MirrorConfiguration {
    private var originals: [PackageLocation: Set<PackageLocation>] = [:]

    static func load(rootPath: URL) -> MirrorConfiguration {
        var configuration = MirrorConfiguration()
        let files = [rootPath.appendingPathComponent(".swiftpm/configuration/mirrors.json"),
                     FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".swiftpm/configuration/mirrors.json")]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let entries = object["object"] as? [[String: Any]] else { continue }
            for entry in entries {
                guard let mirror = entry["mirror"] as? String, let original = entry["original"] as? String else { continue }
                configuration.originals[PackageLocation(mirror, relativeTo: rootPath), default: []]
                    .insert(PackageLocation(original, relativeTo: rootPath))
            }
        }
        return configuration
    }

    /// Whether `resolved` is a configured mirror of `written` (either way round: SwiftPM may name either).
    func isMirror(_ resolved: PackageLocation, of written: PackageLocation) -> Bool {
        originals[resolved]?.contains(written) == true || originals[written]?.contains(resolved) == true
    }
}
