import CapCheckSupport
import CapCheckModel

/// How the human formats show a file: inside a dependency as `<identity>/<path inside the package>`, inside the
/// root package relative to its folder, anywhere else (the toolchain, the system) as it is; or always as it is.
package struct PathDisplay: Sendable {
    /// Folder prefixes (ending in `/`), longest first, each with what replaces it: `""` for the root package,
    /// `identity/` for a dependency. A dependency checked out inside the root's folder is shown as the dependency.
    private let prefixes: [(folder: String, shownAs: String)]

    package init(_ folders: PackageFolders, absolute: Bool) {
        guard !absolute else { prefixes = []; return }
        var prefixes = folders.dependencies.map { (Self.folder($0.value), $0.key + "/") }
        if let root = folders.root, !root.isEmpty { prefixes.append((Self.folder(root), "")) }
        self.prefixes = prefixes.sorted { ($0.0.count, $0.1) > ($1.0.count, $1.1) }
    }

    /// Shows every file as it is.
    package static let absolute = PathDisplay(PackageFolders(), absolute: true)

    /// The file as the report shows it, with control and format characters escaped (`VisibleText`): a package chooses
    /// its file names.
    package func show(_ file: String) -> String {
        guard let match = prefixes.first(where: { file.hasPrefix($0.folder) }) else { return VisibleText.escaped(file) }
        return VisibleText.escaped(match.shownAs + file.dropFirst(match.folder.count))
    }

    private static func folder(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }
}
