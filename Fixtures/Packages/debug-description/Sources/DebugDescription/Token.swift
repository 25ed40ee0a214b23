import Foundation

/// Its debug description reads the environment.
public struct Token: CustomDebugStringConvertible {
    public init() {}

    public var debugDescription: String { ProcessInfo.processInfo.environment["CAPCHECK_TOKEN"] ?? "token" }
}
