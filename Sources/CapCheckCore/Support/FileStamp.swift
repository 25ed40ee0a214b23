import Foundation

/// A file's size and modification time as `size@seconds`: the change detector build systems trust, used in
/// capcheck's cache keys. Nil when the file cannot be looked at.
enum FileStamp {
    static func of(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)@\(modified)"
    }
}
