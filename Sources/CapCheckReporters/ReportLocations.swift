import CapCheckSupport
import CapCheckModel

/// Locations in reports, relative to the root package where they lie inside it.
extension AnalysisReport {
    /// `file` relative to the root package's folder when it lies inside it, else unchanged.
    package func relativePath(_ file: String) -> String {
        guard let root = packagePath else { return file }
        return PathHop.relativePath(file, root: root)
    }

    /// Whether `file` belongs to the root package's own sources (inside its folder, not in its build folder).
    package func isInRootPackage(_ file: String) -> Bool {
        let relative = relativePath(file)
        return relative != file && !relative.hasPrefix(".build/") && !relative.hasPrefix(".build-")
    }

    /// The hop a reader of the root package acts on: the last hop located in the root package's own files
    /// (where the path leaves code the root controls), else the first hop.
    package func actionableHop(of path: [PathHop]) -> PathHop? {
        path.last { isInRootPackage($0.file) } ?? path.first
    }

    /// `file:line:col: symbol (package)` with the file relative to the root package where possible.
    package func relativeLine(_ hop: PathHop) -> String {
        hop.relativeLine(root: packagePath ?? "")
    }

    /// `"s"` unless `count` is 1, for counted nouns in summaries.
    package static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}

extension UnusedGrant {
    /// `nested-child (under nested-parent)` or just the key for a top-level grant.
    package var qualifiedPackage: String {
        under.isEmpty ? package : "\(package) (under \(under.joined(separator: " → ")))"
    }

    /// One sentence a user can act on.
    package var message: String {
        "\(qualifiedPackage) is granted \(capability), which nothing reachable from the root uses; remove it from the grant"
    }
}

extension PathHop {
    /// `file` relative to the folder `root` when it lies inside it, else unchanged.
    package static func relativePath(_ file: String, root: String) -> String {
        guard !root.isEmpty else { return file }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// `file:line:col: symbol (package)` with the file relative to `root` where it lies inside it.
    public func relativeLine(root: String) -> String {
        var relative = self
        relative.file = Self.relativePath(file, root: root)
        return relative.textLine
    }
}
