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

    /// The statements that give the address its value (all but `size` and `passed`, which only read it).
    private static let fills: Set<String> = ["declaration", "cleared", "family", "port", "address", "address6"]

    private func resolve(_ name: String, in body: String, at site: SourceLocation, function: SourceLocation) -> ValueOrigin {
        guard let siteOffset = source.bodyOffset(of: site, inFunctionAt: function) else {
            return .unknown("the call was not found in the function building `\(name)`", site)
        }
        // A `goto` may jump over a statement that fills the address (or back over the call).
        if body.range(of: #"\bgoto\b"#, options: .regularExpression) != nil {
            return .unknown("the function uses `goto`, which may skip what fills `\(name)`", site)
        }
        // The C library's `struct sockaddr_in`, not one of the package's own layout (the sixth sweep's: a struct of that
        // name defined in the function put the port where the address goes).
        let text = source.wholeText
        if let own = Self.ownSocketAddressType(in: body) ?? Self.ownSocketAddressType(in: text) ?? Self.ownSocketAddressTypeInPackage(of: source.path) {
            return .unknown("`sockaddr_in` may not be the C library's here: \(own)", site)
        }
        guard text.range(of: #"#\s*include\s*<(netinet/in|arpa/inet)\.h>"#, options: .regularExpression) != nil else {
            return .unknown("the file does not include `<netinet/in.h>` or `<arpa/inet.h>` itself, so `sockaddr_in` may be another", site)
        }
        // `#if 0` around a fill keeps its text here though the compiler never sees it.
        // (`%:`, the digraph of `#`, is a directive too: the twelfth sweep's hid a fill behind `%:if 0`.)
        if body.range(of: #"(?m)^[ \t\x{0B}\x{0C}]*(#|%:)"#, options: .regularExpression) != nil {
            return .unknown("the function has preprocessor directives, which may leave out what fills `\(name)`", site)
        }
        // The C library functions the forms below trust, unless a package defines one (the linker binds every call to it).
        if let own = ["htons", "htonl", "ntohs", "ntohl", "inet_pton", "inet_addr", "memset"].first(where: {
            source.packageFunctions.contains($0) && body.range(of: #"\b"# + $0 + #"\b"#, options: .regularExpression) != nil
        }) {
            return .unknown("`\(own)` is defined by a package, so it need not do what the C library's does", site)
        }
        let n = NSRegularExpression.escapedPattern(for: name)
        // Each form starts at a word boundary: `wire_sizeof(addr)` is a call that may fill it, not `sizeof(addr)` (the
        // nineteenth sweep's), `xaddr.sin_port = …` another variable's port.
        let accepted: [(pattern: String, kind: String)] = [
            (#"\b(?:const\s+)?(?:struct\s+)?sockaddr_in(6?)\s+"# + n + #"\s*(?:=\s*\{\s*0?\s*\})?\s*;"#, "declaration"),
            (#"\bmemset\s*\(\s*&\s*"# + n + #"\s*,\s*0\s*,\s*sizeof\s*\(?\s*(?:"# + n + #"|(?:struct\s+)?sockaddr_in6?)\s*\)?\s*\)\s*;"#, "cleared"),
            (#"\b"# + n + #"\s*\.\s*sin(6?)_family\s*=\s*AF_INET(6?)\s*;"#, "family"),
            (#"\b"# + n + #"\s*\.\s*sin6?_port\s*=\s*htons\s*\(\s*(\d+)\s*\)\s*;"#, "port"),
            (#"\b"# + n + #"\s*\.\s*sin_addr\s*\.\s*s_addr\s*=\s*inet_addr\s*\(\s*"([0-9.]+)"\s*\)\s*;"#, "address"),
            (#"\binet_pton\s*\(\s*AF_INET\s*,\s*"([0-9.]+)"\s*,\s*&\s*"# + n + #"\s*\.\s*sin_addr\s*\)"#, "address"),
            (#"\binet_pton\s*\(\s*AF_INET6\s*,\s*"([0-9A-Fa-f.:]+)"\s*,\s*&\s*"# + n + #"\s*\.\s*sin6_addr\s*\)"#, "address6"),
            (#"\bsizeof\s*\(?\s*"# + n + #"\s*\)?"#, "size"),
            (#"\(\s*(?:const\s+)?struct\s+sockaddr\s*\*\s*\)\s*&\s*"# + n + #"\b"#, "passed"),
        ]
        let range = NSRange(body.startIndex..., in: body)
        let depths = Self.braceDepths(body)
        var covered: [NSRange] = []
        var ports = Set<String>(), addresses = Set<String>(), passes = 0, declarations = 0, families = Set<String>()
        var firstFill = Int.max, lastClear = -1
        for (pattern, kind) in accepted {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            for match in expression.matches(in: body, range: range) {
                if Self.fills.contains(kind) {
                    // A fill counts only before the call and where it always runs on the way to it: a statement of
                    // the function's outermost block (`if (0) addr.sin_port = …`, a fill after the `connect`, found
                    // by the fifth sweep, are not; an unread mention makes the value unknown below).
                    guard match.range.location < siteOffset else { continue }
                    guard Self.runsUnconditionally(match.range.location, in: body, depths: depths, kind: kind) else {
                        return .unknown("`\(name)` is filled inside a condition, loop or expression, which capcheck does not follow", site)
                    }
                    if kind == "cleared" { lastClear = max(lastClear, match.range.location) }
                    if kind != "cleared", kind != "declaration" { firstFill = min(firstFill, match.range.location) }
                }
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
        // A `memset` after a field is set clears that field again.
        guard lastClear < firstFill else { return .unknown("`\(name)` is cleared after it is filled", site) }
        // Declared here, once (a global may be changed by any function), and of the family its address is written for
        // (`inet_pton(AF_INET6, …)` into a `sockaddr_in` fails and leaves what was there).
        guard declarations == 1, families.count == 1 else {
            return .unknown("`\(name)` is not a `sockaddr_in` declared in this function and filled for its own family", site)
        }
        guard addresses.count == 1, let address = addresses.first, ports.count <= 1 else {
            return .unknown("`\(name)` does not get exactly one constant address", site)
        }
        // An address the C library would not parse leaves the cleared one (`0.0.0.0`, this host), and `inet_addr`
        // reads `1.2.3` and `010.0.0.1` otherwise than their text: only what `inet_pton` accepts is the address.
        guard Self.isAddress(address) else { return .unknown("`\(address)` is not an address `inet_pton` reads as written", site) }
        if let port = ports.first, port.count > 1, port.hasPrefix("0") {
            return .unknown("the port `\(port)` is written in octal", site)
        }
        if let port = ports.first, (Int(port) ?? .max) > 65535 { return .unknown("the port `\(port)` does not fit 16 bits", site) }
        // A macro of the package's own may change the address without naming it (`RETARGET();`), and a line splice
        // may hide a mention: only the socket API's own macros may be expanded in the function, as the C library's
        // headers define them (a package's own `#define htons(p) 22` is not, found by the fifth sweep).
        if body.contains("\\\n") { return .unknown("the function splices lines, which capcheck does not read", site) }
        // A universal character name spells an identifier another way (`addr\u00E9` is `addré`), out of the patterns' sight.
        if body.contains("\\u") || body.contains("\\U") { return .unknown("the function spells a name with a universal character name", site) }
        guard let expanded = source.macrosInFunction(at: function) else {
            return .unknown("the macros expanded in the function are not known (no index record)", site)
        }
        if let other = expanded.first(where: { !Self.socketMacros.contains($0.name) || CSinkSites.isPackageMacro($0) }) {
            return .unknown("the function expands the macro `\(other.name)`, which may change `\(name)`", site)
        }
        let host = address.contains(":") ? "[\(address)]" : address
        return ports.first.map { .constant("\(host):\($0)", site) } ?? .prefix(host + ":", site)
    }

    /// What in `text` may make `sockaddr_in` another type than the C library's: a definition of it, a `typedef` naming
    /// it, or a `#define` of a socket header's include guard (which skips the C library's definition); nil when none.
    private static func ownSocketAddressType(in text: String) -> String? {
        if text.range(of: #"sockaddr_in6?\s*\{"#, options: .regularExpression) != nil { return "a `struct sockaddr_in` is defined" }
        if text.range(of: #"\btypedef\b[^;]*\bsockaddr_in6?\b"#, options: .regularExpression) != nil { return "a `typedef` names `sockaddr_in`" }
        if text.range(of: #"#\s*define\s+_*(NETINET_IN|ARPA_INET|SYS_SOCKET|BITS_SOCKADDR)_?H"#, options: .regularExpression) != nil {
            return "a socket header's include guard is defined"
        }
        return nil
    }

    /// `ownSocketAddressType(in:)` over every C-family file of the package holding `path` (its headers may define
    /// what the file includes), read once per package.
    private static func ownSocketAddressTypeInPackage(of path: String) -> String? {
        guard let root = PackageRoot.containing(path) else { return "the package holding the file was not found" }
        return packageFindings.value(for: root) {
            let extensions: Set<String> = ["h", "hh", "hpp", "hxx", "c", "cc", "cpp", "cxx", "m", "mm", "inc", "def"]
            guard let files = FileManager.default.enumerator(atPath: root) else { return nil }
            while let relative = files.nextObject() as? String {
                if relative.hasPrefix(".build") || relative.hasPrefix(".git") { files.skipDescendants(); continue }
                guard extensions.contains((relative as NSString).pathExtension.lowercased()),
                      let file = CSinkSites(path: root + "/" + relative, macros: .none) else { continue }
                if let own = ownSocketAddressType(in: file.wholeText) { return "\(own) in \(relative)" }
            }
            return nil
        }
    }

    private static let packageFindings = PackageScanMemo()

    /// Whether the statement whose text starts at `location` (a UTF-16 offset in `body`) runs whenever the function
    /// reaches the statements after it: it lies in the body's outermost block and starts a statement (after `;`, `{`
    /// or `}`), or, for `inet_pton`, is the first thing an outermost `if (` evaluates.
    private static func runsUnconditionally(_ location: Int, in body: String, depths: [Int], kind: String) -> Bool {
        guard location < depths.count, depths[location] == 1 else { return false }
        let units = Array(body.utf16[..<body.utf16.index(body.utf16.startIndex, offsetBy: location)])
        var before = units.count - 1
        func skipSpace() { while before >= 0, [32, 9, 10, 13].contains(units[before]) { before -= 1 } }
        skipSpace()
        guard before >= 0 else { return false }
        if [Self.unit(";"), Self.unit("{"), Self.unit("}")].contains(units[before]) { return true }
        guard kind == "address" || kind == "address6", units[before] == Self.unit("(") else { return false }
        before -= 1
        skipSpace()
        guard before >= 1, units[before] == Self.unit("f"), units[before - 1] == Self.unit("i") else { return false }
        before -= 2
        if before >= 0, units[before] < 128, SourceText.isSwiftIdentifierByte(UInt8(units[before])) { return false }  // `elif (`, not `if (`
        skipSpace()
        return before < 0 || [Self.unit(";"), Self.unit("{"), Self.unit("}")].contains(units[before])
    }

    private static func unit(_ character: Unicode.Scalar) -> UInt16 { UInt16(character.value) }

    /// The brace depth at each UTF-16 offset of `body` (the function's own braces count: its body is depth 1), braces
    /// in string and character literals aside. Comments are already blanked.
    private static func braceDepths(_ body: String) -> [Int] {
        var depths: [Int] = [], depth = 0, quote: UInt16?, escaped = false
        depths.reserveCapacity(body.utf16.count)
        for unit in body.utf16 {
            if let open = quote {
                if escaped { escaped = false } else if unit == Self.unit("\\") { escaped = true } else if unit == open || unit == 10 { quote = nil }
            } else if unit == Self.unit("\"") || unit == Self.unit("'") {
                quote = unit
            } else if unit == Self.unit("{") {
                depth += 1
            } else if unit == Self.unit("}") {
                depth -= 1
            }
            depths.append(depth)
        }
        return depths
    }

    /// Whether `text` is an IPv4 or IPv6 address the C library's `inet_pton` reads (four decimal parts without
    /// leading zeros, or an IPv6 address).
    private static func isAddress(_ text: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(text.contains(":") ? AF_INET6 : AF_INET, text, &buffer) == 1
    }
}
