import Foundation

/// How long capcheck waits for a child process (`swift build`, `swift package show-dependencies`, `describe`…)
/// before it stops it and everything it started: `CAPCHECK_CHILD_TIMEOUT` seconds, by default an hour.
public struct ChildTimeout: Sendable {
    public static let variable = "CAPCHECK_CHILD_TIMEOUT"
    public static let defaultSeconds: TimeInterval = 3600

    public let seconds: TimeInterval
    /// Whether `CAPCHECK_CHILD_TIMEOUT` set it.
    public let isConfigured: Bool

    /// The timeout `CAPCHECK_CHILD_TIMEOUT` sets, else the default.
    /// - Throws: `CapCheckError(.usage, …)` when the variable is not a positive number of seconds.
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ChildTimeout {
        guard let text = environment[variable], !text.isEmpty else { return ChildTimeout(seconds: defaultSeconds, isConfigured: false) }
        guard let seconds = TimeInterval(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds > 0 else {
            throw CapCheckError(.usage, """
                \(variable) is set to \(text.quoted), which is not a number of seconds; set it to a positive number \
                (e.g. 600), or unset it for the default of \(Int(defaultSeconds)) seconds
                """)
        }
        return ChildTimeout(seconds: seconds, isConfigured: true)
    }

    /// The error for a child that ran out of time; `command` is how it was started.
    package func expired(_ command: String) -> CapCheckError {
        let limit = isConfigured ? "\(Self.variable)=\(Self.number(seconds))" : "the default of \(Self.variable)"
        return CapCheckError(.toolchain, """
            `\(command)` did not finish within \(Self.format(seconds)) (\(limit)); capcheck stopped it and \
            everything it started. If it needs longer, set \(Self.variable) to more seconds; if it hangs, run the command \
            yourself to see where
            """)
    }

    /// `2 seconds`, `1 second`, `0.5 seconds`.
    private static func format(_ seconds: TimeInterval) -> String {
        number(seconds) + (seconds == 1 ? " second" : " seconds")
    }

    private static func number(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? String(Int(seconds)) : String(seconds)
    }
}
