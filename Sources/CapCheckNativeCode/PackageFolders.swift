import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import Foundation

/// The folders of the graph's packages. A file under one is a package's own code whatever clang calls it:
/// `#pragma GCC system_header` (or `#pragma clang system_header`) makes clang treat the rest of a package's header as a
/// system header, whose code the libclang pass and the prefilter otherwise skip (the C library's own headers).
package struct PackageFolders: Sendable {
    /// Standardized folder paths, each ending in `/`.
    package let roots: [String]

    package init(_ packageGraph: PackageGraph) {
        roots = Set(packageGraph.packages.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path + "/" }).sorted()
    }

    package init(roots: [String]) {
        self.roots = roots.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// Whether `path` (absolute) lies in a package's folder. A path through `/proc` (`/proc/self/cwd/../dep/quiet.h`,
    /// the eighteenth sweep's: read lexically it left the package, and its `#pragma GCC system_header` hid an asm label)
    /// is never a system header: it counts as a package's, whichever it resolves to.
    package func contains(_ path: String) -> Bool {
        if path.hasPrefix("/proc/") { return true }
        // `PathText`, not `URL`: a path under a `.build` folder (every dependency's checkout) spells a `/.`, and `URL`'s
        // standardising looks at every folder on the way (24,000 `stat` calls in a warm run on vapor's graph).
        let standardized = PathText.standardized(path)
        return roots.contains { standardized.hasPrefix($0) }
    }
}
