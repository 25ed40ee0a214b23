import CapCheckSupport
import CapCheckModel
import CapCheckCatalog
import Foundation

/// Reads `capabilities.json` into a `Policy`, rejecting anything malformed with a located, actionable message.
public enum PolicyLoader {
    /// Loads and parses the policy at `url`; messages name the file by `url.path`.
    /// - Throws: `CapCheckError(.policy, …)` if the file is missing, not a regular file, cannot be read or is not a
    ///   valid policy.
    public static func load(contentsOf url: URL) throws -> Policy {
        guard FileManager.default.fileExists(atPath: url.path) else { throw CapCheckError(.policy, "\(url.path): policy file not found") }
        try requireRegularFile(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CapCheckError(.policy, "\(url.path): cannot read the policy file; check its permissions")
        }
        return try parse(data, file: url.path)
    }

    /// Checks that `url`, when it exists, is a regular file (or a link to one): a policy is never read from, or
    /// written over, a folder, a device such as /dev/null, or a FIFO (whose reading would wait for a writer).
    /// - Throws: `CapCheckError(.policy, …)` saying what it is instead.
    public static func requireRegularFile(_ url: URL) throws {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return }
        let kinds: [mode_t: String] = [S_IFDIR: "a directory", S_IFCHR: "a character device", S_IFBLK: "a block device",
                                       S_IFIFO: "a FIFO", S_IFSOCK: "a socket"]
        guard let kind = kinds[info.st_mode & S_IFMT] else { return }
        throw CapCheckError(.policy, "\(url.path): is not a regular file (it is \(kind)); pass the path of a capabilities.json file")
    }

    /// How deeply grants may nest through `packages`; deeper policies are rejected.
    public static let maxGrantDepth = 32

    /// Parses policy JSON; `file` is the path shown in messages (`file:line:col: …`).
    /// - Throws: `CapCheckError(.policy, …)` for invalid UTF-8 or JSON, unknown keys, wrong types,
    ///   unknown capabilities, a malformed `CAP:VALUE` entry, a missing or unsupported `version`, or an invalid `unlisted`.
    public static func parse(_ data: Data, file: String) throws -> Policy {
        var policy = try PolicyReader(file: file).policy(try JSONParser.parse(data, file: file))
        policy.contentDigest = CacheFile.digest(data)
        return policy
    }
}

private struct PolicyReader {
    package let file: String

    package func fail(_ position: SourcePosition, _ what: String) -> CapCheckError {
        CapCheckError(.policy, "\(file):\(position.line):\(position.column): \(what)")
    }

    /// The payload of an optional member, nil when absent; an error "<message>, found <type>" when of the wrong type.
    package func optional<T>(_ member: JSONValue.Member?, _ message: String, _ payload: (JSONValue) -> T?) throws -> T? {
        guard let value = member?.value else { return nil }
        guard let result = payload(value) else { throw fail(value.position, "\(message), found \(value.typeDescription)") }
        return result
    }

    /// The members of an object, after checking that every key is allowed.
    package func checkedMembers(of value: JSONValue, allowed: [String], in context: String, typeError: String) throws -> [String: JSONValue.Member] {
        guard let members = value.objectValue else { throw fail(value.position, "\(typeError), found \(value.typeDescription)") }
        var result: [String: JSONValue.Member] = [:]
        for member in members {
            guard allowed.contains(member.key) else {
                let hint = NearestName.nearest(to: member.key, in: allowed).map { "; did you mean \($0.quoted)?" } ?? ";"
                throw fail(member.keyPosition, "unknown key \(member.key.quoted) in \(context)\(hint) allowed keys are "
                           + allowed.map(\.quoted).joined(separator: ", "))
            }
            result[member.key] = member
        }
        return result
    }

    package func policy(_ root: JSONValue) throws -> Policy {
        let top = try checkedMembers(of: root, allowed: ["version", "unlisted", "packages", "capabilities", "unanalysed"],
                              in: "the policy", typeError: "the policy must be a JSON object")
        guard let versionMember = top["version"] else {
            throw fail(root.position, "missing \"version\"; add \"version\": 1 to the top-level object")
        }
        let versionValue = versionMember.value
        guard case .number(let text) = versionValue.kind, let version = Int(text) else {
            throw fail(versionValue.position, "\"version\" must be an integer; this capcheck supports version 1")
        }
        guard version == 1 else {
            let hint = version > 1 ? "upgrade capcheck or write a version 1 policy" : "set \"version\": 1"
            throw fail(versionValue.position, "unsupported policy version \(version): this capcheck supports version 1; \(hint)")
        }
        var unlisted = Policy.Unlisted.deny
        if let value = top["unlisted"]?.value {
            guard let parsed = value.stringValue.flatMap(Policy.Unlisted.init(rawValue:)) else {
                let found = value.stringValue?.quoted ?? value.typeDescription
                throw fail(value.position, "\"unlisted\" must be \"deny\" or \"inherit\", not \(found)")
            }
            unlisted = parsed
        }
        var capabilities: [Capability: Policy.UserCapability] = [:]
        let capabilitiesError = "\"capabilities\" must be an object mapping capability names to {\"sinks\": [...], \"propagates\": true}"
        for member in try optional(top["capabilities"], capabilitiesError, \.objectValue) ?? [] {
            let user = try userCapability(member)
            capabilities[user.capability] = user
        }
        let known = Capability.builtIn.map(\.name) + capabilities.keys.map(\.name).sorted()
        var packages: [String: Policy.Grant] = [:]
        if let value = top["packages"]?.value { packages = try grants(value, known: known, depth: 1) }
        let unanalysed = try top["unanalysed"].map { try acknowledgements($0.value, known: known) } ?? [:]
        return Policy(file: file, version: version, unlisted: unlisted, packages: packages, capabilities: capabilities,
                      unanalysed: unanalysed)
    }

    /// The `"unanalysed"` section: package identities mapped to arrays of `"kind"` or `"kind:capability"`.
    package func acknowledgements(_ value: JSONValue, known: [String]) throws -> [String: UnanalysedAcknowledgement] {
        let shape = "\"unanalysed\" must be an object mapping package identities to arrays of kinds of unanalysed code, "
            + "like {\"swift-crypto\": [\"assemblySource\"], \"swift-nio\": [\"inactiveCode:net\"]}"
        guard let members = value.objectValue else { throw fail(value.position, shape + ", found \(value.typeDescription)") }
        let kinds = Unanalyzed.Kind.allCases.map(\.rawValue)
        var result: [String: UnanalysedAcknowledgement] = [:]
        for member in members {
            guard let elements = member.value.arrayValue else { throw fail(member.value.position, shape) }
            var entries: [UnanalysedAcknowledgement.Entry] = []
            for element in elements {
                guard let text = element.stringValue else { throw fail(element.position, shape) }
                let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard let kind = Unanalyzed.Kind(rawValue: parts[0]) else {
                    let hint = NearestName.nearest(to: parts[0], in: kinds).map { "did you mean \($0.quoted)? " } ?? ""
                    throw fail(element.position, "unknown kind of unanalysed code \(parts[0].quoted); \(hint)Kinds: " + kinds.joined(separator: ", "))
                }
                var capability: Capability?
                if parts.count == 2 {
                    guard Unanalyzed.kindsWithCapability.contains(kind) else {
                        throw fail(element.position, "\(kind.rawValue.quoted) entries name no capability; write \(kind.rawValue.quoted) alone")
                    }
                    guard known.contains(parts[1]) else {
                        let hint = NearestName.nearest(to: parts[1], in: known).map { "did you mean \($0.quoted)? " } ?? ""
                        throw fail(element.position, "unknown capability \(parts[1].quoted) in \(text.quoted); \(hint)Known capabilities: "
                                   + known.joined(separator: ", "))
                    }
                    capability = Capability(parts[1])
                }
                entries.append(UnanalysedAcknowledgement.Entry(kind: kind, capability: capability))
            }
            result[member.key] = UnanalysedAcknowledgement(package: member.key, entries: entries, position: member.keyPosition)
        }
        return result
    }

    package func userCapability(_ member: JSONValue.Member) throws -> Policy.UserCapability {
        let name = member.key
        let validName = name.first.map { $0.isASCII && $0.isLetter } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard validName else {
            throw fail(member.keyPosition, "invalid capability name \(name.quoted); use ASCII letters, digits, '-' and '_', starting with a letter")
        }
        guard !Capability.builtIn.contains(Capability(name)) else {
            throw fail(member.keyPosition, "\(name.quoted) is a built-in capability; give the user capability another name")
        }
        let fields = try checkedMembers(of: member.value, allowed: ["sinks", "propagates"], in: "capability \(name.quoted)",
                                 typeError: "capability \(name.quoted) must be an object like {\"sinks\": [\"MyModule.Type.method\"]}")
        guard let sinks = fields["sinks"] else {
            throw fail(member.keyPosition, "capability \(name.quoted) needs \"sinks\": a non-empty array of qualified-name prefixes")
        }
        let sinksError = "\"sinks\" must be a non-empty array of demangled qualified-name prefixes, e.g. [\"MyVault.Keychain.read\"]"
        guard let elements = sinks.value.arrayValue, !elements.isEmpty else { throw fail(sinks.value.position, sinksError) }
        let prefixes = try elements.map { element -> String in
            guard let text = element.stringValue, !text.isEmpty else { throw fail(element.position, sinksError) }
            return text
        }
        let propagates = try optional(fields["propagates"], "\"propagates\" must be true or false", \.boolValue) ?? true
        return Policy.UserCapability(capability: Capability(name), sinks: prefixes, propagates: propagates, position: member.keyPosition)
    }

    package func grants(_ value: JSONValue, known: [String], depth: Int) throws -> [String: Policy.Grant] {
        guard depth <= PolicyLoader.maxGrantDepth else {
            throw fail(value.position, "grants nest deeper than \(PolicyLoader.maxGrantDepth) levels of \"packages\"; flatten the policy")
        }
        guard let members = value.objectValue else {
            throw fail(value.position, "\"packages\" must be an object mapping package identities to grants like {\"allow\": [\"fs\"]}, found \(value.typeDescription)")
        }
        var result: [String: Policy.Grant] = [:]
        for member in members {
            let key = member.key
            let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            // SwiftPM names a local package after its folder, spaces included (`../my lib` is `my lib`): a part may hold
            // inner spaces, but not start or end with white space or hold a newline or control character.
            guard parts.count <= 2, parts.allSatisfy({ part in
                !part.isEmpty && part.first?.isWhitespace == false && part.last?.isWhitespace == false
                    && !part.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }
            }) else {
                throw fail(member.keyPosition, "invalid package key \(key.quoted); use a package identity like \"swift-log\" or identity/Module like \"swift-log/Logging\"")
            }
            let fields = try checkedMembers(of: member.value, allowed: ["allow", "reason", "packages", "source", "from"], in: "the grant for \(key.quoted)",
                                     typeError: "the grant for \(key.quoted) must be an object like {\"allow\": [\"fs\"]}")
            guard let allowMember = fields["allow"] else {
                throw fail(member.keyPosition, "the grant for \(key.quoted) needs \"allow\"; write \"allow\": [] to grant nothing")
            }
            guard let elements = allowMember.value.arrayValue else {
                throw fail(allowMember.value.position, "\"allow\" must be an array of capability names, found \(allowMember.value.typeDescription)")
            }
            var allow = Set<Capability>()
            var plain = Set<Capability>()
            var patterns: [Capability: [ValuePattern]] = [:]
            for element in elements {
                guard let entry = element.stringValue else {
                    throw fail(element.position, "\"allow\" must be an array of capability names, found \(element.typeDescription) in it")
                }
                // `CAP:VALUE` narrows CAP; the name is everything before the first colon.
                let colon = entry.firstIndex(of: ":")
                let name = colon.map { String(entry[..<$0]) } ?? entry
                guard known.contains(name) else {
                    let hint = NearestName.nearest(to: name, in: known).map { "did you mean \($0.quoted)? " }
                        ?? "declare user capabilities under \"capabilities\". "
                    throw fail(element.position, "unknown capability \(name.quoted); \(hint)Known capabilities: " + known.joined(separator: ", "))
                }
                let capability = Capability(name)
                allow.insert(capability)
                guard let colon else {
                    plain.insert(capability)
                    continue
                }
                let pattern: ValuePattern
                do {
                    pattern = try ValuePattern.parse(String(entry[entry.index(after: colon)...]), for: capability)
                } catch {
                    throw fail(element.position, "\(entry.quoted): \(error.message)")
                }
                if patterns[capability]?.contains(pattern) != true { patterns[capability, default: []].append(pattern) }
            }
            let narrowed = patterns.filter { !plain.contains($0.key) }
            let reason = try optional(fields["reason"], "\"reason\" must be a string", \.stringValue)
            let source = try optional(fields["source"], "\"source\" must be a string: the git URL the grant was written for, or a local package's folder relative to the root package", \.stringValue)
            let from = try fields["from"].map { member -> Policy.Scope in
                guard let text = member.value.stringValue, let scope = Policy.Scope(rawValue: text) else {
                    throw fail(member.value.position, "\"from\" must be \"test\" (the grant applies only on paths that start in a test "
                               + "target) or \"build\" (only on paths that start in the build: the plugins and macros it runs)")
                }
                return scope
            }
            let nested = try fields["packages"].map { try grants($0.value, known: known, depth: depth + 1) } ?? [:]
            result[key] = Policy.Grant(key: key, identity: parts[0], module: parts.count == 2 ? parts[1] : nil, allow: allow,
                                       reason: reason, packages: nested, position: member.keyPosition, source: source,
                                       sourcePosition: fields["source"]?.value.position, narrowed: narrowed, from: from)
        }
        return result
    }
}
