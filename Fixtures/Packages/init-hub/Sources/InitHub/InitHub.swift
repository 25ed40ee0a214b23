// capcheck init: passes fs on to init-leaf in hubRead(); in hubWrite(_:) holds fs for its own code and uses
// init-leaf only for a pure helper.
import Foundation
import InitLeaf

public func hubRead() -> Data? { leafRead() }

public func hubWrite(_ name: String) {
    _ = FileManager.default.createFile(atPath: "/tmp/capcheck-init-hub-" + leafLabel(name), contents: nil)
}
