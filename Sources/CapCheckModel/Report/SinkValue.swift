import CapCheckSupport

/// A value a sink was used with, as the value analysis resolved it (issue #12): the file a file-system sink opens,
/// the variable an environment sink reads, the program an exec sink starts, the host a network sink reaches.
/// Part of the JSON report (`violations[].values`): field names are stable.
public struct SinkValue: Codable, Sendable, Hashable {
    /// How much is known: `constant` (exactly `value`), `prefix` (some value starting with `value`), `caller`
    /// (supplied by `supplier`, a package above the one checked) or `unknown` (`note` says where the trail ended).
    public var kind: String
    public var value: String?
    /// Why the value is unknown, or which parameter carried it from the caller.
    public var note: String?
    /// For `caller`: the package whose code supplied the value.
    public var supplier: String?
    /// Where the value was made (the literal, the call that passed it, the place the trail ended).
    public var file: String
    public var line: Int

    package init(kind: String, value: String? = nil, note: String? = nil, supplier: String? = nil, file: String, line: Int) {
        self.kind = kind
        self.value = value
        self.note = note
        self.supplier = supplier
        self.file = file
        self.line = line
    }

    /// One line for human formats: "`/root/.ssh/id_rsa` (Sources/X/Y.swift:12)".
    public var summary: String {
        let place = "\(file):\(line)"
        switch kind {
        case "constant": return "`\(value ?? "")` (\(place))"
        case "prefix": return "`\(value ?? "")…` with the rest computed at run time (\(place))"
        case "caller": return "from the caller \(supplier ?? "?") (\(place))"
        default: return "unknown: \(note ?? "not resolved") (\(place))"
        }
    }
}
