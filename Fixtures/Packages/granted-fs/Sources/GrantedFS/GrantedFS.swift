// capcheck rule: policy grant (fs is reached directly and the policy allows it).
import Foundation

public func writeLog(_ line: String) {
    _ = FileManager.default.createFile(atPath: "/tmp/capcheck-log", contents: Data(line.utf8))
}
