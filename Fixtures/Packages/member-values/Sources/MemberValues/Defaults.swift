import Glibc

// capcheck rule: an associated type's default is the type a conformance that names none uses; code that makes a
// `T.Helper` makes one (AssociatedTypeReachesDefaultRule).
public protocol Helping { init(); func help() -> Int32 }
public struct RenamingHelper: Helping {
    public init() {}
    public func help() -> Int32 { rename("/tmp/capcheck-fixture-none", "/tmp/capcheck-fixture-none-2") }
}
public protocol Extension { associatedtype Helper: Helping = RenamingHelper }
public struct DefaultExtension: Extension { public init() {} }
public func runExtension<P: Extension>(_ value: P) -> Int32 { P.Helper().help() }

// capcheck rule: a property wrapper with `subscript(_enclosingInstance:wrapped:storage:)` runs that subscript, not
// `wrappedValue`, for a property of a class (DeclarationReachesPropertyWrapperRule).
@propertyWrapper public struct Audited<Value> {
    var stored: Value
    public init(wrappedValue: Value) { stored = wrappedValue }
    @available(*, unavailable) public var wrappedValue: Value { get { fatalError() } set { fatalError() } }
    public static subscript<Instance: AnyObject>(
        _enclosingInstance instance: Instance,
        wrapped wrappedKeyPath: ReferenceWritableKeyPath<Instance, Value>,
        storage storageKeyPath: ReferenceWritableKeyPath<Instance, Audited<Value>>
    ) -> Value {
        get { _ = access("/tmp/capcheck-fixture-none", F_OK); return instance[keyPath: storageKeyPath].stored }
        set { instance[keyPath: storageKeyPath].stored = newValue }
    }
}
public final class Account { @Audited public var balance: Int = 1; public init() {} }

// capcheck rule: an initializer requirement called on a metatype (`T.Product()`) reaches every witness, ungated: the
// conformance infers `Product` from `build()`'s signature, so no code names `Lathe` (RequirementReachesWitnessRule).
public protocol Machine { init() }
public struct Lathe: Machine { public init() { _ = lchown("/tmp/capcheck-fixture-none", 0, 0) } }
public protocol Workshop { associatedtype Product: Machine; func build() -> Product }
public struct Joinery: Workshop { public init() {}; public func build() -> Lathe { fatalError("never called") } }
public func produce<W: Workshop>(_ workshop: W) -> Bool { _ = W.Product(); return true }
