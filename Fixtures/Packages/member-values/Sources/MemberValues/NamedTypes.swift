import Foundation

// capcheck rule: a typealias reaches the types it names (DeclarationReachesItsDefaultsRule, kind `type named by the
// declaration`): a member declared through one is decoded all the same (found by the sixth sweep).
public struct Swatch: Decodable {
    public init(from decoder: Decoder) throws {
        var buffer = [CChar](repeating: 0, count: 8)
        _ = readlink("/tmp/capcheck-fixture-none", &buffer, 8)
    }
}
public typealias SwatchRef = Swatch
public struct Scheme: Decodable { public let swatch: SwatchRef }
public func loadScheme(_ data: Data) -> Scheme? { try? JSONDecoder().decode(Scheme.self, from: data) }

// capcheck rule: a type reaches the generic arguments of its inheritance clause: a `Kiln` makes `Spark` values, whose
// `description` `print` calls, though nothing names `Spark` where it runs.
open class Furnace<T: ExpressibleByIntegerLiteral> {
    public init() {}
    public func light() { let heat: T = 5; print(heat) }
}
public struct Spark: ExpressibleByIntegerLiteral, CustomStringConvertible {
    public init(integerLiteral value: Int) {}
    public var description: String { _ = remove("/tmp/capcheck-fixture-none"); return "spark" }
}
public final class Kiln: Furnace<Spark> {}

// capcheck rule: a conformance infers `Unit` from the signature of a method nothing calls, and generic code makes an
// `Ember` from `7` (ConformerReachesInferredAssociatedTypesRule: a reached `Coal` reaches the types its witnesses name).
public struct Ember: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { _ = opendir("/tmp/capcheck-fixture-none") }
}
public protocol Fuel { associatedtype Unit: ExpressibleByIntegerLiteral; func unit() -> Unit }
public struct Coal: Fuel {
    public init() {}
    public func unit() -> Ember { Ember(integerLiteral: 0) }
}
public func burn<F: Fuel>(_ fuel: F) -> F.Unit { 7 }

// capcheck rule: the same through a protocol extension's default witness, which `Peat` takes (the seventeenth sweep's):
// `Peat` reaches `Ash`, whose `init(integerLiteral:)` `smoulder` runs.
public struct Ash: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { var status = statvfs(); _ = statvfs("/tmp/capcheck-fixture-none", &status) }
}
public protocol Tinder { associatedtype Unit: ExpressibleByIntegerLiteral; func unit() -> Unit }
extension Tinder {
    public func unit() -> Ash { fatalError("never called") }
}
public struct Peat: Tinder { public init() {} }
public func smoulder<T: Tinder>(_ tinder: T) -> T.Unit { 7 }

// capcheck rule: a protocol reaches the types its header names (the twenty-eighth sweep's): `where Unit == Inch` and
// `Meter<Metre>` fix the type a conformer's `Unit` is, and generic code makes one from `7`; nothing else names them.
public protocol Meter<Unit> { associatedtype Unit: ExpressibleByIntegerLiteral }
public func calibrate<P: Meter>(_ meter: P) -> P.Unit { 7 }
public protocol LinearMeter: Meter where Unit == Inch {}
public struct Inch: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { _ = faccessat(AT_FDCWD, "/tmp/capcheck-fixture-none", F_OK, 0) }
}
public protocol MetricMeter: Meter<Metre> {}
public struct Metre: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { _ = unlinkat(AT_FDCWD, "/tmp/capcheck-fixture-none", 0) }
}
public struct Ruler: LinearMeter { public init() {} }
public struct Tape: MetricMeter { public init() {} }
