import CapCheckSupport

/// A network endpoint pattern from a `net:` entry.
///
/// Forms: `host:port`; `host` (any port); `*.domain` (any subdomain, not the domain itself, any port) and
/// `*.domain:port`; a bare IP (`10.1.2.3`, `fd00::1`) or `10.1.2.3:port`; `[v6addr]` and `[v6addr]:port`; an IPv4 or
/// IPv6 network in CIDR notation (`10.0.0.0/8`, `fd00::/8`, any port); `:port` (any host, that port). Host names
/// consist of ASCII letters, digits, `-` and `.` and compare case-insensitively; ports are 1…65535.
public struct EndpointPattern: Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written, e.g. `*.example.com:443`.
    public let pattern: String
    /// Which hosts the pattern allows.
    package let host: Host
    /// The one port allowed; nil for any port.
    public let port: Int?

    /// The host part of an endpoint pattern.
    package enum Host: Hashable, Sendable {
        /// `:port`: every host.
        case any
        /// One host name, lowercased.
        case name(String)
        /// `*.domain`: every name ending in `.domain` (lowercased).
        case subdomains(of: String)
        /// A CIDR network; a bare address is a network of one.
        case network(IPNetwork)
    }

    private static let example = "like net:api.example.com:443, net:*.example.com, net:10.0.0.0/8, net:[fd00::1]:443 or net::8080"

    /// Parses a `net:` value.
    package init(parsing text: String) throws(ValuePatternError) {
        func fail(_ why: String) -> ValuePatternError { ValuePatternError("\(why), \(Self.example)") }
        guard !text.isEmpty else { throw fail("\"net:\" needs an endpoint") }
        pattern = text
        if text.hasPrefix(":") && !text.dropFirst().contains(":") {
            host = .any
            port = try Self.parsePort(text.dropFirst())
        } else if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"),
                  let bytes = IPNetwork.parseV6(text[text.index(after: text.startIndex)..<close]) else {
                throw fail("\(text.quoted) is not a bracketed IPv6 address with an optional port")
            }
            host = .network(IPNetwork(address: bytes))
            let rest = text[text.index(after: close)...]
            if rest.isEmpty {
                port = nil
            } else if rest.hasPrefix(":") {
                port = try Self.parsePort(rest.dropFirst())
            } else {
                throw fail("expected \":port\" after \"]\" in \(text.quoted)")
            }
        } else if let slash = text.firstIndex(of: "/") {
            host = .network(try Self.parseNetwork(address: text[..<slash], length: text[text.index(after: slash)...]))
            port = nil
        } else if text.filter({ $0 == ":" }).count >= 2 {
            guard let bytes = IPNetwork.parseV6(text[...]) else {
                throw fail("\(text.quoted) is not an IPv6 address; write an IPv6 address with a port as [addr]:port")
            }
            host = .network(IPNetwork(address: bytes))
            port = nil
        } else {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            port = try parts.count == 2 ? Self.parsePort(parts[1]) : nil
            let hostText = parts[0]
            if hostText.hasPrefix("*.") {
                host = .subdomains(of: try Self.parseName(hostText.dropFirst(2)))
            } else if let bytes = IPNetwork.parseV4(hostText) {
                host = .network(IPNetwork(address: bytes))
            } else {
                host = .name(try Self.parseName(hostText))
            }
        }
    }

    public var description: String { pattern }

    private static func parsePort(_ text: Substring) throws(ValuePatternError) -> Int {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(text), (1...65535).contains(port) else {
            throw ValuePatternError("the port must be a number from 1 to 65535, not \(String(text).quoted), \(example)")
        }
        return port
    }

    private static func parseNetwork(address: Substring, length: Substring) throws(ValuePatternError) -> IPNetwork {
        guard let bytes = IPNetwork.parseV4(address) ?? IPNetwork.parseV6(address) else {
            throw ValuePatternError("\(String(address).quoted) is not an IPv4 or IPv6 address; a CIDR network is written like 10.0.0.0/8 or fd00::/8 (and takes no port)")
        }
        let bits = bytes.count * 8
        guard !length.isEmpty, length.count <= 3, length.allSatisfy({ $0.isASCII && $0.isNumber }), let prefix = Int(length), prefix <= bits else {
            throw ValuePatternError("the prefix length of a\(bits == 32 ? "n IPv4" : "n IPv6") network must be a number from 0 to \(bits), not \(String(length).quoted), like 10.0.0.0/8 or fd00::/8")
        }
        let network = IPNetwork(address: bytes, prefixLength: prefix)
        guard network.bytes == bytes else {
            throw ValuePatternError("\(String(address).quoted)/\(prefix) has bits set after the first \(prefix); write the network's first address, like 10.0.0.0/8 or fd00::/8")
        }
        return network
    }

    /// A host name: ASCII letters, digits, `-` and `.`, no empty label, a last label that is not all digits (such a
    /// name would be read as an IPv4 address); lowercased.
    private static func parseName(_ text: Substring) throws(ValuePatternError) -> String {
        if text.contains("*") {
            throw ValuePatternError("\"*\" is allowed only as a leading \"*.\" (any subdomain), \(example)")
        }
        guard let name = hostName(text) else {
            throw ValuePatternError("\(String(text).quoted) is not a host name (ASCII letters, digits, '-' and '.'), an IPv4 address or a network, \(example)")
        }
        return name
    }

    /// `text` lowercased when it is a valid host name (see `parseName`), else nil.
    private static func hostName(_ text: Substring) -> String? {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !text.isEmpty, text.count <= 253, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }),
              text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }),
              labels.last?.allSatisfy({ $0.isNumber }) == false else { return nil }
        return text.lowercased()
    }

    /// A concrete host from a value: an IP address, or a host name (one trailing `.` ignored).
    private enum ValueHost {
        case name(String)
        case address([UInt8])
    }

    /// Parses a host as a value (not a pattern): nil when it is neither a host name nor an IP address.
    private static func valueHost(_ text: Substring) -> ValueHost? {
        if text.hasPrefix("[") && text.hasSuffix("]") && text.count > 2 {
            return IPNetwork.parseV6(text.dropFirst().dropLast()).map(ValueHost.address)
        }
        if text.contains(":") { return IPNetwork.parseV6(text).map(ValueHost.address) }
        if let bytes = IPNetwork.parseV4(text) { return .address(bytes) }
        let name = text.hasSuffix(".") ? text.dropLast() : text
        return hostName(name).map(ValueHost.name)
    }

    private func hostMatches(_ value: ValueHost) -> Bool {
        switch (host, value) {
        case (.any, _): return true
        case (.name(let name), .name(let other)): return name == other
        case (.subdomains(let domain), .name(let other)): return other.hasSuffix("." + domain)
        case (.network(let network), .address(let bytes)): return network.contains(bytes)
        default: return false
        }
    }

    /// Whether the endpoint `value` is allowed: `host:port`, `host` (port unknown), `[v6]:port`, or a bare IPv6
    /// address (port unknown). A value whose port is unknown is covered only by a pattern without a port.
    package func matches(_ value: String) -> Bool {
        let hostText: Substring, portText: Substring?
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            hostText = value[...close]
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            portText = rest.isEmpty ? nil : rest.dropFirst()
        } else if value.filter({ $0 == ":" }).count == 1, let colon = value.firstIndex(of: ":") {
            hostText = value[..<colon]
            portText = value[value.index(after: colon)...]
        } else {
            hostText = value[...]
            portText = nil
        }
        var valuePort: Int?
        if let portText {
            guard let parsed = try? Self.parsePort(portText) else { return false }
            valuePort = parsed
        }
        guard port == nil || valuePort == port, let host = Self.valueHost(hostText) else { return false }
        return hostMatches(host)
    }

    /// Whether every value starting with `prefix` is allowed: only a `host:` prefix (port unknown), covered when the
    /// pattern takes any port and its host part contains the host.
    package func coversHostPrefix(_ prefix: String) -> Bool {
        guard port == nil, prefix.hasSuffix(":"), let host = Self.valueHost(prefix.dropLast()) else { return false }
        return hostMatches(host)
    }

    /// Whether every endpoint this pattern allows is allowed by `other` (conservative).
    package func isWithin(_ other: EndpointPattern) -> Bool {
        guard other.port == nil || port == other.port else { return false }
        switch (host, other.host) {
        case (_, .any): return true
        case (.name(let name), .name(let outer)): return name == outer
        case (.name(let name), .subdomains(let domain)): return name.hasSuffix("." + domain)
        case (.subdomains(let domain), .subdomains(let outer)): return domain == outer || domain.hasSuffix("." + outer)
        case (.network(let network), .network(let outer)): return outer.contains(network)
        default: return false
        }
    }
}

/// An IPv4 or IPv6 network: an address (4 or 16 bytes) with every bit after the prefix cleared.
package struct IPNetwork: Hashable, Sendable {
    package let bytes: [UInt8]
    package let prefixLength: Int

    /// The network of `prefixLength` leading bits of `address` (all bits when nil: a single address).
    package init(address: [UInt8], prefixLength: Int? = nil) {
        let length = prefixLength ?? address.count * 8
        self.prefixLength = length
        self.bytes = address.enumerated().map { index, byte in
            let kept = min(8, max(0, length - index * 8))
            return kept == 8 ? byte : byte & ~(UInt8(0xFF) >> kept)
        }
    }

    /// Whether `address` (of the same family) lies in the network.
    package func contains(_ address: [UInt8]) -> Bool {
        address.count == bytes.count && IPNetwork(address: address, prefixLength: prefixLength).bytes == bytes
    }

    /// Whether every address of `other` lies in this network.
    package func contains(_ other: IPNetwork) -> Bool {
        other.prefixLength >= prefixLength && contains(other.bytes)
    }

    /// Dotted-decimal IPv4: four numbers 0…255 without leading zeros (which some resolvers read as octal).
    package static func parseV4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part == "0" || !part.hasPrefix("0"), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// IPv6 text (RFC 4291 section 2.2): eight groups of 1–4 hex digits, at most one `::`, optionally a dotted IPv4
    /// tail; no zone (`%eth0`).
    package static func parseV6(_ text: Substring) -> [UInt8]? {
        let characters = Array(text)
        var doubleColon: Int?
        for index in 0..<max(0, characters.count - 1) where characters[index] == ":" && characters[index + 1] == ":" {
            guard doubleColon == nil else { return nil }
            doubleColon = index
        }
        var groups: [UInt16]
        if let at = doubleColon {
            guard let head = v6Groups(String(characters[..<at])[...], ipv4Tail: false),
                  let tail = v6Groups(String(characters[(at + 2)...])[...], ipv4Tail: true),
                  head.count + tail.count <= 7 else { return nil }
            groups = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let all = v6Groups(text, ipv4Tail: true), all.count == 8 else { return nil }
            groups = all
        }
        return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    private static func v6Groups(_ text: Substring, ipv4Tail: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if ipv4Tail, index == parts.count - 1, part.contains(".") {
                guard let v4 = parseV4(part) else { return nil }
                groups += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                continue
            }
            guard (1...4).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isHexDigit }),
                  let value = UInt16(part, radix: 16) else { return nil }
            groups.append(value)
        }
        return groups
    }
}
