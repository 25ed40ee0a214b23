import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's size and modification time as `size@seconds`: the change detector build systems trust, used in
/// capcheck's cache keys. Nil when the file cannot be looked at.
enum FileStamp {
    static func of(_ path: String) -> String? {
        #if canImport(Glibc)
        // One stat(2) call: a warm run stamps every header of every C-family source, and Foundation's attribute
        // dictionary costs several times more.
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size)@\(Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)"
        #else
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)@\(modified)"
        #endif
    }
}
