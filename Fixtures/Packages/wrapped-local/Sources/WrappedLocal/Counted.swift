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
