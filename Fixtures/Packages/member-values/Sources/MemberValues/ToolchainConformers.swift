import Glibc

// capcheck rule: a protocol extension's default taken by a toolchain type's conformance runs on values of that type that
// no code names (each byte of a string's `utf8`), so it is not gated on the type being named (found by a later sweep).
public protocol Stamping { func stamp() }
extension Stamping { public func stamp() { _ = setenv("CAPCHECK_FIXTURE", "1", 1) } }
extension UInt8: Stamping {}
public func stampAll(_ text: String) { for byte in text.utf8 { (byte as any Stamping).stamp() } }

// capcheck rule: a file-scope operator is `Equatable`'s `==` for `Token`; `contains` calls it, though nothing names it
// and it has no parent type (found by a later sweep).
public struct Token: Equatable { let value: Int }
public func == (left: Token, right: Token) -> Bool { chown("/tmp/capcheck-fixture-none", 0, 0) == 0 && left.value == right.value }
public func hasToken(_ values: [Int], _ value: Int) -> Bool { values.map(Token.init).contains(Token(value: value)) }
