// capcheck init: reads a file for init-hub's hubRead(), and is only a pure helper for init-hub's hubWrite(_:).
import Foundation

public func leafRead() -> Data? {
    FileManager.default.contents(atPath: "/tmp/capcheck-init-leaf")
}

public func leafLabel(_ name: String) -> String { name.uppercased() }
