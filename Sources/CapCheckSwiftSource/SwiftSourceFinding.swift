import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog

/// Something in a Swift source file that the index does not show for what it is: an escape hatch (`@_silgen_name`,
/// `@_cdecl`, a `dlsym` string, …), syntax-level unsafety (`unowned(unsafe)`, …), or, in code the build does not
/// compile, a reference to a catalog sink.
package struct SwiftSourceFinding: Sendable, Hashable, Codable {
    package enum Reach: Sendable, Hashable, Codable {
        /// Reached wherever its enclosing declaration is.
        case withDeclaration
        /// Also reached from program start: exported to C (`@_cdecl`), placed in an init section (`@_section`),
        /// or replacing another declaration at load time (`@_dynamicReplacement`).
        case fromProgramStart(why: String)
        /// Reached from program start, with no sink of its own: code the compiler calls from code that names another
        /// declaration (`@derivative(of: square)`: differentiating `square` anywhere runs it).
        case onlyFromProgramStart(why: String)
        /// Reached wherever any declaration of its file is: a permission the whole file has (`import Builtin`).
        case withFile
    }

    /// The sink as reports name it: `@_silgen_name("socket")`, `unowned(unsafe)`, `FileManager`.
    package let sink: String
    package let capability: Capability
    /// The package whose source has it.
    package let package: String
    package let file: String
    package let line: Int
    package let column: Int
    /// Where the enclosing declaration's name is (what the index calls its definition), nil for top-level code.
    package let declaration: DeclarationSite?
    package var reach: Reach = .withDeclaration
    /// Set when the finding sits in an `#if` branch this build does not compile: `#if os(macOS)`.
    package var inactiveBranch: String?
    /// For what the object file shows and the source does not (`SwiftObjectExports`): the mangled name of the Swift code
    /// that runs, tied to its declaration's node rather than to a place; empty when the object names none.
    package var objectSymbol: String?
    /// For a declaration bound to a symbol without a body of its own (`@_silgen_name("$sSS…")`, `@_extern(c, "f")`):
    /// that symbol, whose code runs when the declaration is called.
    package var boundSymbol: String?
    /// For a C function the object file calls and no source line binds (`Analyzer.objectFindings`): its name. Dropped at
    /// the merge when the file's code reaches it through C the graph holds (a header's inline function, an asm label).
    package var objectCall: String?

    package init(sink: String, capability: Capability, package: String, file: String, line: Int, column: Int, declaration: DeclarationSite?, reach: Reach = .withDeclaration, inactiveBranch: String? = nil) {
        self.sink = sink
        self.capability = capability
        self.package = package
        self.file = file
        self.line = line
        self.column = column
        self.declaration = declaration
        self.reach = reach
        self.inactiveBranch = inactiveBranch
    }
}

/// The enclosing declaration of a finding: its name token's position.
package struct DeclarationSite: Sendable, Hashable, Codable {
    package let line: Int
    package let column: Int
    package let name: String

    package init(line: Int, column: Int, name: String) {
        self.line = line
        self.column = column
        self.name = name
    }
}

/// What scanning one package's Swift sources found.
package struct SwiftSourceFindings: Sendable {
    package var findings: [SwiftSourceFinding] = []
    /// Per package, lines in `#if` branches this build does not compile.
    package var inactiveLines: [String: Int] = [:]
    /// Files that could not be read.
    package var unreadable: [Unanalyzed] = []

    package init(findings: [SwiftSourceFinding] = [], inactiveLines: [String: Int] = [:], unreadable: [Unanalyzed] = []) {
        self.findings = findings
        self.inactiveLines = inactiveLines
        self.unreadable = unreadable
    }
}
