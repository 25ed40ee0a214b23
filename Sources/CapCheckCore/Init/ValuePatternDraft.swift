import CapCheckSupport
import CapCheckModel
import CapCheckPolicy
import CapCheckValues
import CapCheckReporters

/// The narrowest `allow` entry (the part after `CAP:`) that covers one resolved value, for `capcheck init`.
enum ValuePatternDraft {
    struct Unresolvable: Error { let reason: String }

    /// The entry for `origin`, or why the capability must stay whole.
    static func entry(for origin: ValueOrigin, capability: Capability, paths: PathDisplay) -> Result<String, Unresolvable> {
        let place = "\(paths.show(origin.location.file)):\(origin.location.line)"
        let text: String
        switch origin {
        case .caller: text = "@caller"
        case .constant(let value, _):
            guard !value.contains("*") else { return .failure(Unresolvable(reason: "`\(value)` has a `*` (\(place))")) }
            if capability == .fs {
                guard let normalized = PathGlob.normalize(value) else {
                    return .failure(Unresolvable(reason: "`\(value)` is relative or climbs with `..` after a component (\(place))"))
                }
                text = normalized
            } else {
                text = value
            }
        case .prefix(let value, _):
            switch capability {
            case .env: text = value + "*"
            case .net where value.hasSuffix(":"): text = String(value.dropLast())
            default: return .failure(Unresolvable(reason: "a value starts with `\(value)` and its rest is computed at run time (\(place))"))
            }
        case .unknown(let why, _): return .failure(Unresolvable(reason: "a value is unknown: \(why) (\(place))"))
        case .parameter(_, let name, _, _): return .failure(Unresolvable(reason: "`\(name)` was not followed to its callers (\(place))"))
        }
        do {
            _ = try ValuePattern.parse(text, for: capability)
            return .success(text)
        } catch {
            return .failure(Unresolvable(reason: "`\(text)` is not a valid \(capability.name) entry: \(error.message) (\(place))"))
        }
    }
}
