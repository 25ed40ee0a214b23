// capcheck init: used for fs by the root, and only for a pure helper by init-parent.
import Foundation

public func cacheExists() -> Bool {
    FileManager.default.fileExists(atPath: "/tmp/capcheck-init-cache")
}

public func normalized(_ name: String) -> String { name.lowercased() }
