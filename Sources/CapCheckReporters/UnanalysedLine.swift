import CapCheckSupport
import CapCheckModel

/// One line of the unanalysed code that the human formats list: an entry, or the entries of one package, target
/// and kind counted together (long reports: BoringSSL alone has over a hundred assembly sources).
package enum UnanalysedLine: Equatable {
    case entry(Unanalyzed)
    case folded(package: String, target: String?, kind: Unanalyzed.Kind, entries: [Unanalyzed])

    /// Every entry with `verbose`; otherwise the entries that share a package, target and kind with another are
    /// counted on one line, where the first of them stood. Entries without a kind are never counted together.
    package static func lines(_ entries: [Unanalyzed], verbose: Bool) -> [UnanalysedLine] {
        guard !verbose else { return entries.map(UnanalysedLine.entry) }
        var groups: [String: [Unanalyzed]] = [:]
        var order: [(key: String, first: Unanalyzed)] = []
        for (index, entry) in entries.enumerated() {
            let key = entry.kind.map { "\(entry.package)\u{0}\(entry.target ?? "")\u{0}\($0.rawValue)" } ?? "#\(index)"
            if groups[key] == nil { order.append((key, entry)) }
            groups[key, default: []].append(entry)
        }
        return order.map { key, first in
            let group = groups[key]!
            guard group.count > 1, let kind = first.kind else { return .entry(first) }
            return .folded(package: first.package, target: first.target, kind: kind, entries: group)
        }
    }

    package var isFolded: Bool {
        if case .folded = self { return true }
        return false
    }
}
