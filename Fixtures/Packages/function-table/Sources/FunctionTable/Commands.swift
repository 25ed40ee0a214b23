// capcheck: functions stored in a table. `Commands.table["clean"]?()` calls `clean()` through the dictionary's value.
import Foundation

public enum Commands {
    public static let table: [String: () -> Void] = ["clean": clean, "noop": {}]

    static func clean() {
        try? FileManager.default.removeItem(atPath: "/tmp/capcheck-function-table")
    }
}
