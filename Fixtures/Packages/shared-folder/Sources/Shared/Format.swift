import Foundation

/// Granted nothing: its `fs` is a violation of SharedFormat's, whatever folder it shares with SharedStore.
public func formatted(_ name: String) -> String {
    FileManager.default.isReadableFile(atPath: name) ? "[\(name)]" : name
}
