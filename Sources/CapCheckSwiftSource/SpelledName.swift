import SwiftSyntax

extension TokenSyntax {
    /// The name a token spells: an identifier without its back quotes (`` `p` `` is `p`, as the compiler reads it),
    /// else the token's text. Every comparison of a name in the Swift scan and the value analysis goes through it: a back-quoted
    /// declaration or use compared by its text once hid a write and a shadowing binding (the seventeenth sweep's).
    package var spelledName: String { identifier?.name ?? text }
}
