import Foundation

// capcheck rule: what a declaration's header runs, which the index relates to no symbol (DeclarationReachesItsDefaultsRule):
// an enum case's default argument value runs at every `.run()` that leaves it out.
public enum Job { case run(stamp: Int32 = chdir("/tmp")) }

// capcheck rule: one initializer binds both globals; reading `jobLevel` runs it (PatternVariablesReachEachOtherRule).
public let (jobToken, jobLevel) = (mkfifo("/tmp/capcheck-fixture-none", 0o600), 3)

// capcheck rule: a `_read` accessor says only `childOf` its property; it is an accessor all the same.
public struct Cell {
    var raw = 1
    public init() {}
    public var value: Int { _read { _ = utime("/tmp/capcheck-fixture-none", nil); yield raw } }
}

// capcheck rule: the synthesized coding code makes a Codable type's own `CodingKeys` (a custom `stringValue` runs).
public struct Named: Codable {
    var name = ""
    public init() {}
    enum CodingKeys: CodingKey {
        case name
        var stringValue: String { _ = lchmod("/tmp/capcheck-fixture-none", 0o600); return "name" }
        init?(stringValue: String) { self = .name }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

// capcheck rule: the same with the names on different lines (found by a later sweep): reading `stageName` runs the
// initializer that makes `stageMark`.
public let (stageName,
            // a comment between the names
            stageMark) = ("stage", mkdir("/tmp/capcheck-fixture-none", 0o700))

// capcheck rule: the same with a back-quoted label before the second name (the seventeenth sweep's): reading
// `stampLevel` runs the initializer that makes `stampToken`.
public let (stampToken,
            `y`: stampLevel) = ({ var status = stat(); return lstat("/tmp/capcheck-fixture-none", &status) }(), y: 3)
