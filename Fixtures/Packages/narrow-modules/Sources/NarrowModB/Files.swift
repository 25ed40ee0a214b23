import Foundation

/// The package's file helper: reads whatever it is given.
public func readText(_ path: String) -> Int { FileManager.default.contents(atPath: path)?.count ?? 0 }
