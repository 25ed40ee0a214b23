import Foundation

/// Starts a program at a constant path.
public enum Git {
    public static func version() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["--version"]
        try process.run()
    }
}
