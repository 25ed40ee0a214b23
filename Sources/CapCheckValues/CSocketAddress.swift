import Foundation
import CapCheckSupport
import CapCheckModel

/// The peer a C `connect`, `bind` or `sendto` names, when the calling function builds it from constants:
///
///     struct sockaddr_in addr;
///     memset(&addr, 0, sizeof addr);
///     addr.sin_family = AF_INET;
///     addr.sin_port = htons(8080);
///     inet_pton(AF_INET, "10.0.0.7", &addr.sin_addr);     // or addr.sin_addr.s_addr = inet_addr("10.0.0.7");
///     connect(fd, (struct sockaddr *)&addr, sizeof addr);
///
/// Every other use of the variable in the function (a copy into it, a pointer passed elsewhere, a second address)
/// makes the value unknown: the address must be provably these constants.
package struct CSocketAddress {
    let source: CSinkSites

    package func value(at site: SourceLocation, callee: String, position: Int, inFunctionAt function: SourceLocation?) -> ValueOrigin {
        guard let arguments = source.arguments(at: site, callee: callee), position < arguments.count else {
            return .unknown("the call is not written as `\(callee)(…)` here (a macro or a function pointer?)", site)
        }
        let argument = arguments[position]
        if ["NULL", "0", "nullptr"].contains(argument) { return .unknown("no address here (a connected socket)", site) }
        guard let name = Self.variable(in: argument) else {
            return .unknown("the socket address `\(argument.prefix(48))` is not a local variable's address", site)
        }
        guard let function, let body = source.body(ofFunctionAt: function) else {
            return .unknown("the function building `\(name)` was not found", site)
        }
        return resolve(name, in: body, at: site, function: function)
    }

    /// `(struct sockaddr *)&addr` → `addr`.
    private static func variable(in argument: String) -> String? {
        var text = argument.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("("), let close = text.firstIndex(of: ")") { text = String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespaces) }
        guard text.hasPrefix("&") else { return nil }
        let name = text.dropFirst().trimmingCharacters(in: .whitespaces)
        return name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) && !name.isEmpty ? name : nil
    }

    /// The socket API's macros a function building an address may expand (glibc spells some functions as macros).
    private static let socketMacros: Set<String> = [
        "AF_INET", "AF_INET6", "PF_INET", "PF_INET6", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_NONBLOCK", "SOCK_CLOEXEC", "IPPROTO_TCP",
        "IPPROTO_UDP", "INADDR_ANY", "INADDR_LOOPBACK", "htons", "htonl", "ntohs", "ntohl", "NULL", "O_NONBLOCK", "F_SETFL",
        "F_GETFL", "errno", "EINPROGRESS", "SOL_SOCKET", "SO_REUSEADDR", "bool", "true", "false",
    ]

    private func resolve(_ name: String, in body: String, at site: SourceLocation, function: SourceLocation) -> ValueOrigin {
        let n = NSRegularExpression.escapedPattern(for: name)
        let accepted: [(pattern: String, kind: String)] = [
            (#"(?:const\s+)?(?:struct\s+)?sockaddr_in(6?)\s+"# + n + #"\s*(?:=\s*\{\s*0?\s*\})?\s*;"#, "declaration"),
            (#"memset\s*\(\s*&\s*"# + n + #"\s*,\s*0\s*,\s*sizeof\s*\(?\s*(?:"# + n + #"|(?:struct\s+)?sockaddr_in6?)\s*\)?\s*\)"#, "cleared"),
            (n + #"\s*\.\s*sin(6?)_family\s*=\s*AF_INET(6?)\s*;"#, "family"),
            (n + #"\s*\.\s*sin6?_port\s*=\s*htons\s*\(\s*(\d+)\s*\)\s*;"#, "port"),
            (n + #"\s*\.\s*sin_addr\s*\.\s*s_addr\s*=\s*inet_addr\s*\(\s*"([0-9.]+)"\s*\)\s*;"#, "address"),
            (#"inet_pton\s*\(\s*AF_INET\s*,\s*"([0-9.]+)"\s*,\s*&\s*"# + n + #"\s*\.\s*sin_addr\s*\)"#, "address"),
            (#"inet_pton\s*\(\s*AF_INET6\s*,\s*"([0-9A-Fa-f.:]+)"\s*,\s*&\s*"# + n + #"\s*\.\s*sin6_addr\s*\)"#, "address6"),
            (#"sizeof\s*\(?\s*"# + n + #"\s*\)?"#, "size"),
            (#"\(\s*(?:const\s+)?struct\s+sockaddr\s*\*\s*\)\s*&\s*"# + n + #"\b"#, "passed"),
        ]
        let range = NSRange(body.startIndex..., in: body)
        var covered: [NSRange] = []
        var ports = Set<String>(), addresses = Set<String>(), passes = 0, declarations = 0, families = Set<String>()
        for (pattern, kind) in accepted {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            for match in expression.matches(in: body, range: range) {
                covered.append(match.range)
                let captured = match.numberOfRanges > 1 ? Range(match.range(at: 1), in: body).map { String(body[$0]) } : nil
                if kind == "port", let captured { ports.insert(captured) }
                if kind == "address", let captured { addresses.insert(captured); families.insert("") }
                if kind == "address6", let captured { addresses.insert(captured); families.insert("6") }
                if kind == "declaration" { declarations += 1; if let captured { families.insert(captured) } }
                // `addr.sin6_family = AF_INET` makes the kernel read a `sockaddr_in6` as a `sockaddr_in`.
                if kind == "family", match.numberOfRanges > 2, let field = Range(match.range(at: 1), in: body),
                   let constant = Range(match.range(at: 2), in: body) {
                    families.insert(String(body[field]))
                    families.insert(String(body[constant]))
                }
                if kind == "passed" { passes += 1 }
            }
        }
        // Every mention of the variable must be one of the forms above, and it must be passed to one call only.
        let mention = try? NSRegularExpression(pattern: #"\b"# + n + #"\b"#)
        let stray = (mention?.matches(in: body, range: range) ?? []).contains { use in
            !covered.contains { NSLocationInRange(use.range.location, $0) }
        }
        guard !stray, passes <= 1 else {
            return .unknown("`\(name)` is filled or passed in ways capcheck does not read", site)
        }
        // Declared here, once (a global may be changed by any function), and of the family its address is written for
        // (`inet_pton(AF_INET6, …)` into a `sockaddr_in` fails and leaves what was there).
        guard declarations == 1, families.count == 1 else {
            return .unknown("`\(name)` is not a `sockaddr_in` declared in this function and filled for its own family", site)
        }
        guard addresses.count == 1, let address = addresses.first, ports.count <= 1 else {
            return .unknown("`\(name)` does not get exactly one constant address", site)
        }
        if let port = ports.first, port.count > 1, port.hasPrefix("0") {
            return .unknown("the port `\(port)` is written in octal", site)
        }
        // A macro of the package's own may change the address without naming it (`RETARGET();`), and a line splice
        // may hide a mention: only the socket API's own macros may be expanded in the function.
        if body.contains("\\\n") { return .unknown("the function splices lines, which capcheck does not read", site) }
        // A universal character name spells an identifier another way (`addr\u00E9` is `addré`), out of the patterns' sight.
        if body.contains("\\u") || body.contains("\\U") { return .unknown("the function spells a name with a universal character name", site) }
        if let expanded = source.macrosInFunction(at: function), let other = expanded.first(where: { !Self.socketMacros.contains($0.name) }) {
            return .unknown("the function expands the macro `\(other.name)`, which may change `\(name)`", site)
        }
        let host = address.contains(":") ? "[\(address)]" : address
        return ports.first.map { .constant("\(host):\($0)", site) } ?? .prefix(host + ":", site)
    }
}
