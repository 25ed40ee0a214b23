import CapCheckSupport
import CapCheckModel

/// A generated catalog resource (`stdlib.json`, `foundation.json`, `dispatch.json`): what one toolchain area
/// needs, grouped by the rule that selected it. Written by `CatalogGenerator`, read by `SinkCatalog`.
public struct CatalogFile: Codable, Equatable, Sendable {
    /// One rule's output. Keys are `Type.member(labels:)`, `Type.property` or `function(labels:)` within the
    /// file's family, as `SwiftSymbolName` parses the demangled USR of the declaration.
    public struct Group: Codable, Equatable, Sendable {
        public var rule: String
        public var capability: String
        public var note: String
        /// Whole types: the type, every member and every nested declaration. Naming the type is a use.
        public var types: [String]
        /// Types whose direct members not listed in `members` or `pure` need the capability too.
        public var memberDefaults: [String]
        /// Members that need the capability.
        public var members: [String]
        /// Members of the rule's types that need nothing: listed so that a member default never covers them.
        public var pure: [String]
        /// Overloads that share a key with overloads classified differently (`Data.append(_:)` takes `Data`
        /// or a raw buffer): USR → key. Matched by the symbol's USR before any key.
        public var overloads: [String: String]
        /// Pure overloads of such shared keys: USR → key.
        public var pureOverloads: [String: String]
    }

    public var area: String
    public var family: String
    public var modules: [String]
    /// How the file was made, and on which toolchain (`swift --version`'s first line).
    public var generatedBy: String
    public var toolchain: String
    public var groups: [Group]
}

/// The system-library catalog (`system-libraries.json`), per library a system-library target links (`link "z"`).
package struct SystemLibraryCatalogFile: Codable, Sendable {
    package struct Library: Codable, Sendable {
        /// What calling into the library can do, whichever function is called: capability name → what it does.
        package var does: [String: String]?
        /// Its C functions that need a capability (capability name → names), classified like libc.json's.
        package var functions: [String: [String]]?
    }

    package var area: String
    package var libraries: [String: Library]
}

/// The C library catalog (`libc.json`): a reviewed list, checked against Glibc's headers by the tests.
package struct CLibraryCatalogFile: Codable, Sendable {
    package var area: String
    /// Capability name → one line on why its functions need it.
    package var notes: [String: String]
    /// Capability name → C function names (Glibc, Musl and Darwin spell them alike).
    package var functions: [String: [String]]
    /// Capability name → C global variable names.
    package var variables: [String: [String]]
    /// Functions that need nothing: using what is already acquired, memory, strings, time, threads.
    package var pure: [String]
    /// Name prefixes of pure function families (`pthread_`).
    package var purePrefixes: [String]
    /// Headers outside the Glibc module that declare listed names (the tests check names against both).
    package var extraHeaders: [String]
}
