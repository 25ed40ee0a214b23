import CapCheckSupport
import CapCheckModel
import CapCheckCatalog

/// "Did you mean …?" suggestions by edit distance.
public enum NearestName {
    /// The candidate closest to `name` (case-insensitive edit distance, a transposition counting as one edit),
    /// or nil when none is close: within a third of the longer name's length (at least 1),
    /// or one being a prefix of the other of at least 3 characters. Ties go to the earlier candidate.
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            let d = distance(target, other)
            let limit = max(1, max(target.count, other.count) / 3)
            let isPrefix = min(target.count, other.count) >= 3 && (other.starts(with: target) || target.starts(with: other))
            guard d <= limit || isPrefix else { continue }
            if best.map({ d < $0.distance }) ?? true { best = (d, candidate) }
        }
        return best?.name
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.
    package static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = previous
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous) = (previous, row)
        }
        return previous[b.count]
    }
}
