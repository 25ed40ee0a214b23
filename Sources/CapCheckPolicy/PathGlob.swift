/// An absolute path or glob from an `fs:` entry.
///
/// Components are separated by `/`. In a component, `*` matches any run of characters (none included) within that
/// one component; a component `**` matches any number of whole components, none included, so a trailing `/**` means
/// the directory itself and everything below it. Every other character matches itself (byte for byte, case-sensitive).
public struct PathGlob: Hashable, Sendable, CustomStringConvertible {
    /// The glob as written, e.g. `/etc/ssl/**`.
    public let pattern: String
    /// The non-empty components (repeated and trailing `/` ignored).
    private let components: [Component]

    private enum Component: Hashable, Sendable {
        /// `**`.
        case any
        /// A literal component, or one with `*` wildcards (the UTF-8 bytes).
        case segment([UInt8], hasWildcard: Bool)
    }

    private static let example = "like fs:/etc/ssl/** or fs:/tmp/myapp-*.log"

    /// Parses an `fs:` value: an absolute path or glob without `.` or `..` components, `**` only as a whole component.
    package init(parsing text: String) throws(ValuePatternError) {
        guard !text.isEmpty else { throw ValuePatternError("\"fs:\" needs a path: an absolute path or glob, \(Self.example)") }
        if text.hasPrefix("~") {
            throw ValuePatternError("\"~\" is not expanded (it would be a different folder for every user); write an absolute path, \(Self.example)")
        }
        guard text.hasPrefix("/") else {
            throw ValuePatternError("the path must be absolute (start with \"/\"): a relative path depends on the working directory; write one \(Self.example)")
        }
        var components: [Component] = []
        for part in text.split(separator: "/") {
            if part == "." || part == ".." {
                throw ValuePatternError("\".\" and \"..\" components are not allowed in a path glob; write the path it means, \(Self.example)")
            }
            if part == "**" {
                components.append(.any)
            } else if part.contains("**") {
                throw ValuePatternError("\"**\" must be a whole path component (\"/**/\" or a trailing \"/**\"); use \"*\" within a component, \(Self.example)")
            } else {
                components.append(.segment(Array(part.utf8), hasWildcard: part.contains("*")))
            }
        }
        self.pattern = text
        self.components = components
    }

    public var description: String { pattern }

    /// Whether the glob is `/**`, which covers every path, including any that climbs with `..`.
    package var isEverything: Bool { components == [.any] }

    /// The path made absolute-lexical: `.` and empty components dropped, `..` removing the component before it (at the
    /// root, staying there). Nil for a relative (or empty) path, whose meaning depends on the working directory.
    /// Nil for a relative path, and for one whose `..` follows a component: the kernel takes `..` from where that
    /// component leads, which a symbolic link can put anywhere (`/proc/self/cwd/../../../usr/bin/git` ran
    /// `/tmp/allowed/usr/bin/git` after a `chdir`, the eighth sweep's), so the path means nothing on paper.
    package static func normalize(_ path: String) -> String? {
        guard path.hasPrefix("/"), let parts = normalizedComponents(path) else { return nil }
        return "/" + parts.joined(separator: "/")
    }

    private static func normalizedComponents(_ path: String) -> [Substring]? {
        var result: [Substring] = []
        // Split on the byte, as the kernel does: `/` followed by a combining mark is one Character, not a separator.
        for bytes in path.utf8.split(separator: UInt8(ascii: "/")) {
            let part = Substring(String(decoding: bytes, as: UTF8.self))
            switch part {
            case ".": continue
            case "..": if !result.isEmpty { return nil }  // `/..` is `/`
            default: result.append(part)
            }
        }
        return result
    }

    /// Whether the glob matches `path` after lexical normalisation; a relative path, or one with a `..` after a
    /// component (`normalize`), never matches.
    public func matches(path: String) -> Bool {
        guard path.hasPrefix("/"), let normalized = Self.normalizedComponents(path) else { return false }
        let parts = normalized.map { Array($0.utf8) }
        // reachable[j]: the first i glob components can match the first j path components.
        var reachable = [Bool](repeating: false, count: parts.count + 1)
        reachable[0] = true
        for component in components {
            var next = [Bool](repeating: false, count: parts.count + 1)
            switch component {
            case .any:
                var seen = false
                for j in 0...parts.count {
                    seen = seen || reachable[j]
                    next[j] = seen
                }
            case .segment(let bytes, let hasWildcard):
                for j in 0..<parts.count where reachable[j] {
                    next[j + 1] = hasWildcard ? Self.wildcard(bytes, matches: parts[j]) : bytes == parts[j]
                }
            }
            reachable = next
        }
        return reachable[parts.count]
    }

    /// Whether every path this glob matches is matched by `other`. Conservative: a component with `*` is within only
    /// `*`, `**` or an identical component, and `**` only within `**`.
    package func isWithin(_ other: PathGlob) -> Bool {
        let inner = components, outer = other.components
        // within[i][j]: inner[i...] is within outer[j...].
        var within = [[Bool]](repeating: [Bool](repeating: false, count: outer.count + 1), count: inner.count + 1)
        within[inner.count][outer.count] = true
        for i in stride(from: inner.count, through: 0, by: -1) {
            for j in stride(from: outer.count, through: 0, by: -1) where !(i == inner.count && j == outer.count) {
                guard j < outer.count else { continue }
                switch (outer[j], i < inner.count ? inner[i] : nil) {
                case (.any, let next):
                    // Outer `**` absorbs nothing more, or absorbs inner's next component whatever it is.
                    within[i][j] = within[i][j + 1] || (next != nil && within[i + 1][j])
                case (_, nil), (_, .any?):
                    within[i][j] = false
                case (.segment(let outerBytes, let outerWild), .segment(let innerBytes, let innerWild)?):
                    let componentWithin = innerWild
                        ? innerBytes == outerBytes || outerBytes == Array("*".utf8)
                        : (outerWild ? Self.wildcard(outerBytes, matches: innerBytes) : outerBytes == innerBytes)
                    within[i][j] = componentWithin && within[i + 1][j + 1]
                }
            }
        }
        return within[0][0]
    }

    /// `*` matching within one component (greedy with backtracking to the last `*`).
    private static func wildcard(_ pattern: [UInt8], matches text: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*")
        var p = 0, t = 0, starAt = -1, resumeAt = 0
        while t < text.count {
            if p < pattern.count, pattern[p] != star, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == star {
                starAt = p
                resumeAt = t
                p += 1
            } else if starAt >= 0 {
                p = starAt + 1
                resumeAt += 1
                t = resumeAt
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == star { p += 1 }
        return p == pattern.count
    }
}
