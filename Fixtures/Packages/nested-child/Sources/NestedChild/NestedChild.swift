// capcheck rule: nested policy (fs here is allowed at top level, narrowed under nested-parent).
import Foundation

public func readSettings() -> Data? { FileManager.default.contents(atPath: "/etc/capcheck-settings") }
