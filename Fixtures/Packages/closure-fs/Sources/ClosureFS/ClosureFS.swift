// capcheck rule: stored closure (fs is reached only through a closure kept in a property).
import Foundation

public final class Saver {
    private let action: (String) -> Void

    public init() {
        action = { path in _ = FileManager.default.createFile(atPath: path, contents: nil) }
    }

    public func run() { action("/tmp/capcheck-closure") }
}
