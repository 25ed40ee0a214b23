import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The names of everything under a folder, as a digest: adding, removing or renaming a file anywhere below changes
/// it, editing one does not. One `readdir` walk (no Foundation enumerator, no `stat` per file), so a cache key can
/// afford it for every target of a large graph.
package enum DirectoryListing {
    /// Adds `folder`'s listing to `hasher`: each entry's path relative to `folder` and whether it is a folder, in
    /// sorted order; a missing folder adds a marker.
    package static func update(_ hasher: inout SHA256, with folder: String) {
        var entries: [String] = []
        walk(folder, prefix: "", into: &entries)
        hasher.update(field: entries.isEmpty && !FileStamp.isDirectory(folder) ? "missing \(folder)" : folder)
        entries.sort()
        for entry in entries { hasher.update(field: entry) }
    }

    /// The paths of the files under `folder` whose extension is in `extensions`, sorted. Folders named `.build…`
    /// (build folders) are not entered; links to folders are followed, each folder once.
    package static func files(under folder: String, extensions: Set<String>) -> [String] {
        var found: [String] = []
        var visited = Set<[UInt64]>()
        collect(folder, extensions: extensions, visited: &visited, into: &found)
        return found.sorted()
    }

    private static func collect(_ folder: String, extensions: Set<String>, visited: inout Set<[UInt64]>, into found: inout [String]) {
        var info = stat()
        guard stat(folder, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
              let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let path = folder + "/" + name
            let type = entry.pointee.d_type
            let isFolder = type == UInt8(DT_DIR) || ((type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK)) && FileStamp.isDirectory(path))
            if isFolder {
                if !name.hasPrefix(".build") { collect(path, extensions: extensions, visited: &visited, into: &found) }
            } else if let dot = name.lastIndex(of: "."), extensions.contains(String(name[name.index(after: dot)...])) {
                found.append(path)
            }
        }
    }

    private static func walk(_ folder: String, prefix: String, into entries: inout [String]) {
        guard let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let path = folder + "/" + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) { isFolder = FileStamp.isDirectory(path) }
            entries.append((isFolder ? "d " : "f ") + prefix + name)
            if isFolder { walk(path, prefix: prefix + name + "/", into: &entries) }
        }
    }
}
