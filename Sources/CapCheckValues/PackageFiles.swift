import Foundation

/// The folder of the Swift package holding a file: the nearest folder above it with a `Package.swift`.
enum PackageRoot {
    static func containing(_ path: String) -> String? {
        var folder = (path as NSString).deletingLastPathComponent
        while folder.count > 1 {
            if FileManager.default.fileExists(atPath: folder + "/Package.swift") { return folder }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }
}

/// What one scan of a package's files found, kept for the rest of the run (many sites share a package).
final class PackageScanMemo: @unchecked Sendable {
    private var found: [String: String?] = [:]
    private let lock = NSLock()

    func value(for root: String, scan: () -> String?) -> String? {
        lock.lock()
        if let known = found[root] { lock.unlock(); return known }
        lock.unlock()
        let result = scan()
        lock.lock()
        found[root] = result
        lock.unlock()
        return result
    }
}
