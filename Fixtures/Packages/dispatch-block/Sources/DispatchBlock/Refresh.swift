// capcheck: blocks handed to Dispatch. `refresh()` queues two closures, which Dispatch runs later on its own threads.
import Foundation

public func refresh() {
    DispatchQueue.global().async {
        _ = FileManager.default.contents(atPath: "/etc/hostname")
    }
    DispatchQueue.main.async {
        _ = ProcessInfo.processInfo.environment["REFRESH"]
    }
}
