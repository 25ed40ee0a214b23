/// An error that stops an analysis before it can give a verdict.
///
/// Every case maps to exit code 2 in the CLI ("usage, configuration, build or tool error"),
/// and every message says what was wrong, where, and what to do about it.
public struct CapCheckError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of failure this is; stable for tests and for callers that branch on it.
    public enum Kind: String, Sendable {
        case usage, policy, packageGraph, build, indexStore, toolchain, io
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
