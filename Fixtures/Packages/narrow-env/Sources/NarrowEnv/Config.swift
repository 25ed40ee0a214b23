import Foundation

/// Reads a constant variable name, then opens the folder the environment names (a value not knowable statically).
public enum Config {
    public static func load() -> Int {
        guard let home = ProcessInfo.processInfo.environment["NARROW_HOME"] else { return 0 }
        let file = home + "/config.json"
        return FileManager.default.contents(atPath: file)?.count ?? 0
    }
}
