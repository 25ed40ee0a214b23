import CapCheckSupport
import CapCheckModel

/// Locations as SARIF places them: relative to the root package where they lie inside it.
extension AnalysisReport {
    /// `file` relative to the root package's folder when it lies inside it, else unchanged.
    package func relativePath(_ file: String) -> String {
        guard let root = packagePath, !root.isEmpty else { return file }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
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
}
