// capcheck init: needs fs for its own code and nothing from init-child, which it uses only for a pure helper.
import Foundation
import InitChild

public func saveReport(_ name: String) {
    _ = FileManager.default.createFile(atPath: "/tmp/capcheck-\(normalized(name))", contents: nil)
}
