import CapCheckSupport
import CapCheckModel

/// A network value as narrowed `net:` grants match it: `host:port`, or `host:` with the port unknown (a prefix).
package enum NetworkEndpoint {
    private static let defaultPorts = ["http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21]

    /// A resolved string (`https://example.com/x`, `example.com`, `example.com:8443`) as an endpoint origin.
    package static func endpoint(_ origin: ValueOrigin) -> ValueOrigin {
        switch origin {
        case .constant(let text, let at):
            guard let (host, port) = split(text, complete: true) else { return .unknown("`\(text)` names no host", at) }
            return port.map { .constant("\(host):\($0)", at) } ?? .prefix(host + ":", at)
        case .prefix(let text, let at):
            // The host and port are known only when the text goes past them (`https://example.com/…`): what follows
            // `http://10.0.0.1:8080` may continue the port or make it a user name (`@evil.example/`, the sixth sweep's).
            guard let (host, port) = split(text, complete: false) else { return .unknown("the host in `\(text)…` is computed at run time", at) }
            return port.map { .constant("\(host):\($0)", at) } ?? .prefix(host + ":", at)
        case .caller(let supplier, let parameter, let at, let made):
            return .caller(supplier: supplier, parameter: parameter, at, made: made.map(endpoint))
        default: return origin
        }
    }

    /// (host, port) of a URL or `host[:port]`; with `complete` false, only when the text reaches past the host.
    private static func split(_ text: String, complete: Bool) -> (String, Int?)? {
        var rest = Substring(text)
        var port: Int?
        if let scheme = rest.range(of: "://") {
            port = defaultPorts[rest[..<scheme.lowerBound].lowercased()]
            rest = rest[scheme.upperBound...]
            if let userInfo = rest.firstIndex(of: "@"), !rest[..<userInfo].contains("/") { rest = rest[rest.index(after: userInfo)...] }
        }
        let hostEnd = rest.firstIndex { "/?#".contains($0) }
        let authority = hostEnd.map { rest[..<$0] } ?? rest
        guard complete || hostEnd != nil else { return nil }
        var host = authority
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":"), let number = Int(after.dropFirst()) { port = number } else if !after.isEmpty { return nil }
            host = host[...close]
        } else if let colon = host.lastIndex(of: ":"), host.filter({ $0 == ":" }).count == 1 {
            guard let number = Int(host[host.index(after: colon)...]) else { return nil }
            port = number
            host = host[..<colon]
        }
        guard !host.isEmpty else { return nil }
        return (host.lowercased(), port)
    }
}
