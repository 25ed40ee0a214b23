import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How capcheck tells that a file changed without reading it. Nil when the file cannot be looked at.
package enum FileStamp {
    /// A package file's change stamp, for memos of its content and of what was found in it: size, modification time,
    /// status-change time, device and inode. The status-change time moves with every write and cannot be set back
    /// (`touch -d`, `cp -p`, `rsync -t` and archives set only the modification time), so a file replaced by one of the
    /// same size and modification time is read again: with size and modification time alone, such a replacement
    /// kept a Swift source's and a C source's old hash, and their old findings (the twenty-sixth sweep's). A fresh
    /// clone changes every stamp: each file is read once more, and results keyed by content are still reused.
    package static func of(_ path: String) -> String? {
        #if canImport(Glibc)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)@\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)@\(info.st_dev):\(info.st_ino)"
        #else
        return sizeAndTime(of: path)
        #endif
    }

    /// Size and modification time as `size@seconds`: for toolchain and system files (a library, the C library's
    /// headers), which no dependency update delivers, and whose stamps must stay the same on a fresh machine of the
    /// same image for a restored cache to be used.
    package static func sizeAndTime(of path: String) -> String? {
        attributes(path).map { "\($0.size)@\($0.modified)" }
    }

    /// Names a file (a library, an executable) by the path links resolve to, its size and modification time.
    package static func identity(of path: String) -> String {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return resolved + "|" + (sizeAndTime(of: resolved) ?? "missing")
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
