// capcheck rule: property wrapper on a local variable. `count += 1` runs the wrapper's `wrappedValue` setter.
#if canImport(Glibc)
import Glibc
#endif

@propertyWrapper
public struct Counted {
    var value: Int

    public init(wrappedValue: Int) { value = wrappedValue }

    public var wrappedValue: Int {
        get { value }
        set {
            value = newValue
            _ = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        }
    }
}

// capcheck rule: a wrapped parameter called with a projection (`shown($value: $level)`) runs the wrapper's
// `init(projectedValue:)`, which no call names (found by an evasion sweep).
@propertyWrapper
public struct Projected {
    public var wrappedValue: Int

    public init(wrappedValue: Int) { self.wrappedValue = wrappedValue }

    public var projectedValue: Projected { self }

    public init(projectedValue: Projected) {
        self = projectedValue
        _ = unlink("/tmp/capcheck-fixture-none")
    }
}

func shown(@Projected value: Int) -> Int { value }

/// Passes a projection: the call names the function, not the initializer.
public func projectLevel() -> Int {
    @Projected var level = 1
    return shown($value: $level)
}
