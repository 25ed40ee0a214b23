// Catalog probe: env through Foundation: ProcessInfo.environment.
import Foundation

public func probe() -> String? {
    return ProcessInfo.processInfo.environment["HOME"]
}
