import Foundation

/// The module granted `fs` in `ModuleGrantTests`.
public func storedNames() -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
}
