// capcheck: `case Port.http:` in a `switch` over an `Int` calls `Port.~=(_:_:)`; the `switch` names only the pattern.
import Foundation

public struct Port {
    let number: Int

    public static let http = Port(number: 80)

    public static func ~= (pattern: Port, value: Int) -> Bool {
        FileManager.default.fileExists(atPath: "/etc/services") && pattern.number == value
    }
}
