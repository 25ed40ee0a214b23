import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's size and modification time as `size@seconds`: the change detector build systems trust, used in
/// capcheck's cache keys. Nil when the file cannot be looked at.
package enum FileStamp {
    package static func of(_ path: String) -> String? {
        attributes(path).map { "\($0.size)@\($0.modified)" }
    }

    /// Names a file (a library, an executable) by the path links resolve to, its size and modification time.
    package static func identity(of path: String) -> String {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return resolved + "|" + (of(resolved) ?? "missing")
    }

    /// Whether `path` is a folder (links followed).
    package static func isDirectory(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// A file's size and modification time (seconds since 1970). One stat(2) call: a warm run stamps every header
    /// of every C-family source, and Foundation's attribute dictionary costs many times more (it looks up the
    /// owner's account name, reading /etc/passwd).
    package static func attributes(_ path: String) -> (size: Int, modified: Double)? {
        #if canImport(Glibc)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        #else
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return ((attributes[.size] as? NSNumber)?.intValue ?? -1,
                (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        #endif
    }
}
