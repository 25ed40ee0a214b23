import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything under a folder, by one `readdir` walk (no Foundation enumerator, no `stat` per file), so a cache key
/// can afford it for every target of a large graph: as a digest of the names (adding, removing or renaming a file
/// anywhere below changes it, editing one does not), or as the files of some extensions.
package enum DirectoryListing {
    /// Adds `folder`'s listing to `hasher`: each entry's path relative to `folder` and whether it is a folder, in
    /// sorted order; a missing folder adds a marker.
    package static func update(_ hasher: inout SHA256, with folder: String) {
        var entries: [String] = []
        walk(folder) { relative, isFolder in entries.append((isFolder ? "d " : "f ") + relative) }
        hasher.update(field: entries.isEmpty && !FileStamp.isDirectory(folder) ? "missing \(folder)" : folder)
        entries.sort()
        for entry in entries { hasher.update(field: entry) }
    }

    /// The paths of the files under `folder` whose extension is in `extensions` (every file when nil), sorted. `.git`
    /// folders are not entered, nor, with `skippingBuildFolders`, folders named `.build…` (the root's own build folders:
    /// a dependency's folder of that name is read like any other, or a header it hid there would go unseen).
    package static func files(under folder: String, extensions: Set<String>?, skippingBuildFolders: Bool = true) -> [String] {
        var found: [String] = []
        walk(folder, enters: { $0 != ".git" && !(skippingBuildFolders && $0.hasPrefix(".build")) }) { relative, isFolder in
            guard !isFolder else { return }
            if let extensions {
                guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/"),
                      extensions.contains(String(relative[relative.index(after: dot)...])) else { return }
            }
            found.append(folder + "/" + relative)
        }
        return found.sorted()
    }

    /// Calls `visit` with the path relative to `folder` of everything below it and whether it is a folder, depth
    /// first. A folder is entered when `enters` accepts its name; links to folders are followed, each folder once
    /// (so a link to an enclosing folder ends there instead of looping).
    private static func walk(_ folder: String, enters: (String) -> Bool = { _ in true }, visit: (String, Bool) -> Void) {
        var visited = Set<[UInt64]>()
        func walk(_ path: String, prefix: String) {
            var info = stat()
            guard stat(path, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
                  let stream = opendir(path) else { return }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let child = path + "/" + name
                let type = entry.pointee.d_type
                let isFolder = type == UInt8(DT_DIR) || ((type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK)) && FileStamp.isDirectory(child))
                visit(prefix + name, isFolder)
                if isFolder, enters(name) { walk(child, prefix: prefix + name + "/") }
            }
        }
        walk(folder, prefix: "")
    }
}
