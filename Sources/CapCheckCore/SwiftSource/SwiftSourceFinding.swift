/// Something in a Swift source file that the index does not show for what it is: an escape hatch (`@_silgen_name`,
/// `@_cdecl`, a `dlsym` string, …), syntax-level unsafety (`unowned(unsafe)`, …), or, in code the build does not
/// compile, a reference to a catalog sink.
struct SwiftSourceFinding: Sendable, Hashable, Codable {
    enum Reach: Sendable, Hashable, Codable {
        /// Reached wherever its enclosing declaration is.
        case withDeclaration
        /// Also reached from program start: exported to C (`@_cdecl`), placed in an init section (`@_section`),
        /// or replacing another declaration at load time (`@_dynamicReplacement`).
        case fromProgramStart(why: String)
    }

    /// The sink as reports name it: `@_silgen_name("socket")`, `unowned(unsafe)`, `FileManager`.
    let sink: String
    let capability: Capability
    /// The package whose source has it.
    let package: String
    let file: String
    let line: Int
    let column: Int
    /// Where the enclosing declaration's name is (what the index calls its definition), nil for top-level code.
    let declaration: DeclarationSite?
    var reach: Reach = .withDeclaration
    /// Set when the finding sits in an `#if` branch this build does not compile: `#if os(macOS)`.
    var inactiveBranch: String?
}

/// The enclosing declaration of a finding: its name token's position.
struct DeclarationSite: Sendable, Hashable, Codable {
    let line: Int
    let column: Int
    let name: String
}

/// What scanning one package's Swift sources found.
struct SwiftSourceFindings: Sendable {
    var findings: [SwiftSourceFinding] = []
    /// Per package, lines in `#if` branches this build does not compile.
    var inactiveLines: [String: Int] = [:]
    /// Files that could not be read.
    var unreadable: [Unanalyzed] = []
}
