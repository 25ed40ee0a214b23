// Catalog probe: unsafe: Foundation lending raw bytes.
import Foundation

public func probe() -> Int {
    return Data([1, 2, 3]).withUnsafeBytes { $0.count }
}
