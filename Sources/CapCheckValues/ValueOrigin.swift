import CapCheckSupport
import CapCheckModel

/// Where a value used at a sink comes from, as far as the value analysis can tell (see `docs/semantics.md`,
/// "Values at sinks").
package enum ValueOrigin: Hashable, Sendable {
    /// Exactly this string, written at the location.
    case constant(String, SourceLocation)
    /// Some string starting with this one; the rest is computed at run time.
    case prefix(String, SourceLocation)
    /// Not resolved: why, and where the trail ended.
    case unknown(String, SourceLocation)
    /// The value of parameter `index` (named `name`) of the function declared at the location, followed by the
    /// constant `suffix` the function appended (`dir + "/config.json"`): the tracer follows it to that function's
    /// callers and appends the suffix to what they pass.
    case parameter(Int, name: String, SourceLocation, suffix: String = "")
    /// Supplied by `supplier`'s code at the location, through parameter `parameter` of the checked package's code;
    /// `made` is what the value is where the supplier made it (followed further up), when known.
    indirect case caller(supplier: String, parameter: String, SourceLocation, made: [ValueOrigin])

    /// What the value is, without where: its kind and text (a caller's value by its supplier, parameter and what it made).
    package var text: String {
        switch self {
        case .constant(let value, _): "constant \(value)"
        case .prefix(let value, _): "prefix \(value)"
        case .unknown(let why, _): "unknown \(why)"
        case .parameter(let index, let name, _, let suffix): "parameter \(index) \(name) \(suffix)"
        case .caller(let supplier, let parameter, _, let made): "caller \(supplier) \(parameter) [\(made.map(\.text).joined(separator: ", "))]"
        }
    }

    /// A `NAME=value` assignment (`putenv`, `setenv`'s Swift spelling) as the variable it names: the text before `=`;
    /// a constant without `=` names none.
    package var nameBeforeEquals: ValueOrigin {
        switch self {
        case .constant(let text, let at):
            if let equals = text.firstIndex(of: "=") { return .constant(String(text[..<equals]), at) }
            return .unknown("`\(text)` has no `=`", at)
        case .prefix(let text, let at):
            if let equals = text.firstIndex(of: "=") { return .constant(String(text[..<equals]), at) }
            return .prefix(text, at)
        default: return self
        }
    }

    /// Where the value was made or the trail ended.
    package var location: SourceLocation {
        switch self {
        case .constant(_, let at), .prefix(_, let at), .unknown(_, let at), .parameter(_, _, let at, _), .caller(_, _, let at, _): at
        }
    }

    /// The origin as the report shows it.
    package var reported: SinkValue {
        let at = location
        switch self {
        case .constant(let value, _): return SinkValue(kind: "constant", value: value, file: at.file, line: at.line)
        case .prefix(let value, _): return SinkValue(kind: "prefix", value: value, file: at.file, line: at.line)
        case .unknown(let why, _): return SinkValue(kind: "unknown", note: why, file: at.file, line: at.line)
        case .parameter(_, let name, _, _):
            return SinkValue(kind: "unknown", note: "parameter `\(name)` whose callers were not followed", file: at.file, line: at.line)
        case .caller(let supplier, let parameter, _, let made):
            let constants = made.compactMap { origin -> String? in if case .constant(let value, _) = origin { value } else { nil } }
            let single = constants.count == made.count && constants.count == 1 ? constants[0] : nil
            // Made otherwise than as one constant: what it was made as, in the note, so that `diff` sees a new constant
            // among several (the twenty-first sweep's `1 + 1 == 2 ? "…/authorized_keys" : "…/app.log"`).
            let madeAs = single == nil && !made.isEmpty ? " (made as " + made.map(\.text).sorted().joined(separator: "; ") + ")" : ""
            return SinkValue(kind: "caller", value: single, note: "through parameter `\(parameter)`" + madeAs, supplier: supplier,
                             file: at.file, line: at.line)
        }
    }
}

/// Values joined end to end (`"/etc/ssl/" + name`, `dir.appendingPathComponent("x")`), as origins.
package enum ValueJoin {
    /// `left` followed by `right`, made at `at`. A constant followed by anything unresolved is a prefix; a caller's
    /// value followed by a constant that cannot climb out (no `..`) stays the caller's value (the caller chose where),
    /// with the constant kept as its suffix, so that what the caller passes is checked with it appended.
    package static func join(_ left: [ValueOrigin], _ right: [ValueOrigin], at: SourceLocation) -> [ValueOrigin] {
        var result: [ValueOrigin] = []
        for l in left {
            for r in right { result.append(join(l, r, at: at)) }
        }
        return unique(result)
    }

    private static func join(_ left: ValueOrigin, _ right: ValueOrigin, at: SourceLocation) -> ValueOrigin {
        switch (left, right) {
        case (.constant(let a, _), .constant(let b, _)): return .constant(a + b, at)
        case (.constant(let a, _), .prefix(let b, _)): return .prefix(a + b, at)
        case (.constant(let a, _), _): return .prefix(a, at)
        case (.prefix(let a, _), _): return .prefix(a, at)
        case (.parameter(let index, let name, let declared, let suffix), .constant(let b, _)) where !climbs(suffix + b):
            return .parameter(index, name: name, declared, suffix: suffix + b)
        // The caller's value with a constant after it stays the caller's while no piece could climb out of it: not
        // `..`, nor a piece ending in `.` or starting `./` or `..`, which the next or last piece could make one of
        // (`"/."` then `"./x"`).
        case (.caller(let supplier, let parameter, let site, let made), .constant(let b, _))
            where !climbs(b) && !b.hasSuffix(".") && !b.hasPrefix("./") && !b.hasPrefix(".."):
            // Each piece keeps where the caller made it: the suffix is the package's, the place is the caller's choice.
            return .caller(supplier: supplier, parameter: parameter, site, made: made.map { join($0, right, at: $0.location) })
        case (.unknown, _): return left
        default: return .unknown("joined from values of which one is computed at run time", at)
        }
    }

    /// Whether a path piece has a `..` component.
    package static func climbs(_ piece: String) -> Bool {
        piece.split(separator: "/", omittingEmptySubsequences: false).contains("..") || piece == ".."
    }

    /// The origins without repeats, in order, at most `limit` (more become one unknown).
    /// The unknown that stands for the rest names them by a digest of their texts (not their places), so that `diff`
    /// sees a new value among them as a new unknown (the eighteenth sweep's: the 66th of 66 paths changed, and diff saw
    /// the same "more than 64" on both sides).
    package static func unique(_ origins: [ValueOrigin], limit: Int = 64) -> [ValueOrigin] {
        var seen = Set<ValueOrigin>()
        let result = origins.filter { seen.insert($0).inserted }
        guard result.count > limit, let first = result.first else { return result }
        let rest = result.dropFirst(limit - 1)
        var digest = SHA256()
        for text in Set(rest.map(\.text)).sorted() { digest.update(field: text) }
        return Array(result.prefix(limit - 1))
            + [.unknown("more than \(limit) possible values (\(rest.count) more, digest \(digest.hexDigest().prefix(16)))", first.location)]
    }
}

/// capcheck's location type (SwiftSyntax has one of the same name).
package typealias SourceLocation = CapCheckModel.SourceLocation
