// capcheck rule: latent capability (wipe reaches fs but nothing calls it).
import Foundation

public func add(_ a: Int, _ b: Int) -> Int { a + b }

public func wipe(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
