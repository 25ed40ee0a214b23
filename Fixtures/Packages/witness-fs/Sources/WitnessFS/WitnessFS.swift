// capcheck rule: protocol witness (the call site targets the requirement, fs is in the witness).
import Foundation

public protocol Sink {
    func write(_ text: String)
}

struct FileSink: Sink {
    func write(_ text: String) {
        _ = FileManager.default.createFile(atPath: "/tmp/capcheck-witness", contents: nil)
    }
}

public func makeSink() -> any Sink { FileSink() }
