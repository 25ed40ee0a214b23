import CapCheckModel

/// Why the value part of a `CAP:VALUE` entry in `allow` was rejected; the loader adds the file and position.
package struct ValuePatternError: Error, Equatable, Sendable {
    package let message: String

    package init(_ message: String) { self.message = message }
}

/// The value part of a narrowed grant (`CAP:VALUE` in `allow`): which paths, endpoints, programs or variables of one
/// effect a package may use. Several patterns of one capability are a union. See docs/policy.md, "Narrowed grants".
public enum ValuePattern: Hashable, Sendable, CustomStringConvertible {
    /// `CAP:@caller`: only values the calling package passes in. The checker handles it; it covers no value here.
    case caller
    /// `fs:` an absolute path or glob.
    case path(PathGlob)
    /// `net:` a host, domain, address or network, with or without a port.
    case endpoint(EndpointPattern)
    /// `exec:` an absolute program path, or a bare program name found through `PATH`.
    case program(String)
    /// `env:` a variable name, or a prefix glob ending in `*`.
    case variable(VariablePattern)

    /// The capabilities that take values: the four built-in effects.
    package static let valuedCapabilities: [Capability] = [.fs, .net, .exec, .env]

    /// Parses the part after `CAP:` for `capability`.
    /// - Throws: `ValuePatternError` with a message that says what is wrong and gives an example; the caller adds the
    ///   position.
    package static func parse(_ text: String, for capability: Capability) throws(ValuePatternError) -> ValuePattern {
        guard valuedCapabilities.contains(capability) else {
            throw ValuePatternError("only fs, net, exec and env take values; write \(capability.name.quoted) to grant \(capability.name) whole")
        }
        if text == "@caller" { return .caller }
        // A control character (a NUL ends the string the kernel gets) names nothing a grant could mean.
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw ValuePatternError("a value with a control character (\\u0000–\\u001F) names no file, host, program or variable")
        }
        switch capability {
        case .fs: return .path(try PathGlob(parsing: text))
        case .net: return .endpoint(try EndpointPattern(parsing: text))
        case .exec: return .program(try parseProgram(text))
        default: return .variable(try VariablePattern(parsing: text))
        }
    }

    /// An exec value: an absolute program path without globs or `.`/`..` components, or a bare name without `/`.
    private static func parseProgram(_ text: String) throws(ValuePatternError) -> String {
        let example = "like exec:/usr/bin/git, or exec:git for the program found through PATH"
        guard !text.isEmpty else { throw ValuePatternError("\"exec:\" needs a program: an absolute path or a bare name, \(example)") }
        guard !text.contains("*") else { throw ValuePatternError("exec: takes no globs; name one program per entry, \(example)") }
        guard !text.contains(where: { $0.isWhitespace }) else {
            throw ValuePatternError("exec: takes a program without arguments or spaces, \(example)")
        }
        guard text.contains("/") else { return text }
        guard text.hasPrefix("/") else {
            throw ValuePatternError("a program path must be absolute (start with \"/\"), or a bare name without \"/\", \(example)")
        }
        let components = text.split(separator: "/")
        guard !components.isEmpty, !text.hasSuffix("/") else { throw ValuePatternError("a program path must name a file, \(example)") }
        guard !components.contains(where: { $0 == "." || $0 == ".." }) else {
            throw ValuePatternError("\".\" and \"..\" components are not allowed in a program path; write the path it means, \(example)")
        }
        return text
    }

    /// The entry as written, e.g. `fs:/etc/ssl/**`; `@caller` alone, since the case does not record its capability
    /// (use `written(for:)` for `fs:@caller`).
    public var description: String {
        switch self {
        case .caller: return "@caller"
        case .path(let glob): return "fs:\(glob)"
        case .endpoint(let endpoint): return "net:\(endpoint)"
        case .program(let program): return "exec:\(program)"
        case .variable(let variable): return "env:\(variable)"
        }
    }

    /// The entry as written in `allow` for `capability`: `fs:@caller` for `.caller`, otherwise `description`.
    package func written(for capability: Capability) -> String {
        self == .caller ? "\(capability.name):@caller" : description
    }

    /// Whether the exact value `value` is allowed.
    ///
    /// Values: fs, a path (normalised lexically first: `.`, `..` and repeated `/`; a relative path is never covered);
    /// net, `host:port`, `host` (port unknown: covered only by a pattern without a port) or `[v6]:port`; exec, the
    /// program argument as passed (a path, or a name looked up in `PATH`); env, a variable name. `.caller` covers
    /// nothing here: the checker handles it.
    public func covers(constant value: String) -> Bool {
        switch self {
        case .caller: return false
        case .path(let glob): return glob.matches(path: value)
        case .endpoint(let endpoint): return endpoint.matches(value)
        case .program(let program): return Self.program(program, matches: value)
        case .variable(let variable): return variable.matches(name: value)
        }
    }

    /// Whether every string that starts with `prefix` is allowed (a value whose rest is unknown).
    ///
    /// Sound, so narrow: an fs prefix is covered only by `/**` (the rest could climb out with `..`); an env prefix
    /// `NIO_` by `NIO_*` or `N*`; a net prefix `host:` (port unknown) by a host pattern without a port, `*.domain`
    /// containing the host, or a CIDR containing an IP host; exec prefixes never.
    public func covers(prefix: String) -> Bool {
        switch self {
        case .caller, .program: return false
        case .path(let glob): return glob.isEverything
        case .endpoint(let endpoint): return endpoint.coversHostPrefix(prefix)
        case .variable(let variable): return variable.covers(prefix: prefix)
        }
    }

    /// Whether everything this pattern allows is allowed by `other` (for nested grants).
    ///
    /// `@caller` is within anything; a value pattern is never within `@caller`. Conservative: false whenever
    /// containment cannot be shown simply, e.g. `/etc/ssl/*.pem` is within `/etc/ssl/**` but `/etc/**` is not within
    /// `/etc/ssl/**`; `a.example.com:443` is within `*.example.com`; `10.1.0.0/16` is within `10.0.0.0/8`.
    public func isWithin(_ other: ValuePattern) -> Bool {
        switch (self, other) {
        case (.caller, _): return true
        case (.path(let inner), .path(let outer)): return inner.isWithin(outer)
        case (.endpoint(let inner), .endpoint(let outer)): return inner.isWithin(outer)
        case (.program(let inner), .program(let outer)): return Self.program(outer, matches: inner)
        case (.variable(let inner), .variable(let outer)): return inner.isWithin(outer)
        default: return false
        }
    }

    /// A bare name matches only that exact name: PATH lookup finds it, while a path that ends in it (`/tmp/x/git`) is
    /// another program. A path pattern matches the same path after lexical normalisation, never a bare name (which
    /// PATH could resolve anywhere). Compared byte for byte: `String`'s `==` takes canonically equivalent spellings
    /// as one (`café` as `e` and U+0301, or U+00E9; a `K` and U+212A KELVIN SIGN), while `execve` sees other files
    /// (found by the ninth sweep).
    private static func program(_ pattern: String, matches value: String) -> Bool {
        guard pattern.hasPrefix("/") else { return value.utf8.elementsEqual(pattern.utf8) }
        guard let path = PathGlob.normalize(value), let own = PathGlob.normalize(pattern) else { return false }
        return path.utf8.elementsEqual(own.utf8)
    }
}
