import CapCheckSupport

/// A capability the policy grants a package that nothing reachable from the root's code uses: the policy
/// should shrink, since the grant would let a future version of the package use it unnoticed.
public struct UnusedGrant: Codable, Sendable, Hashable {
    /// The policy key of the grant (`identity` or `identity/Module`).
    public var package: String
    public var capability: String
    /// The keys of the entries this grant is nested in, outermost first (empty for a top-level grant).
    public var under: [String]
    /// The policy file and the position of the grant's key in it.
    public var file: String
    public var line: Int
    public var column: Int

    package init(package: String, capability: String, under: [String], file: String, line: Int, column: Int) {
        self.package = package
        self.capability = capability
        self.under = under
        self.file = file
        self.line = line
        self.column = column
    }
}
