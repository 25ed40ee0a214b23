// Catalog probe: fs through Foundation: FileManager.
import Foundation

public func probe() {
    try? FileManager.default.removeItem(atPath: "/tmp/capcheck-probe")
}
