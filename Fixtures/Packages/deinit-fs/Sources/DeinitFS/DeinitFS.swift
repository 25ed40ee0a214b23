// capcheck rule: deinit (fs is reached only when the object is released).
import Foundation

public final class TempToken {
    public init() {}

    deinit { try? FileManager.default.removeItem(atPath: "/tmp/capcheck-deinit") }
}
