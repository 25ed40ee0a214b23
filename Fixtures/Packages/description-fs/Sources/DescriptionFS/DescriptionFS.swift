// capcheck rule: implicit conformance call (print calls description; nothing names it).
import Foundation

public struct Report: CustomStringConvertible {
    public init() {}

    public var description: String {
        String(decoding: FileManager.default.contents(atPath: "/etc/passwd") ?? Data(), as: UTF8.self)
    }
}
