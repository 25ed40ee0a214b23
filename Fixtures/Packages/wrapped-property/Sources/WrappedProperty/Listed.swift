// capcheck rule: property wrapper. Reading a wrapped property runs the wrapper's `wrappedValue` getter, and `$x` its
// `projectedValue`; the index records neither call, only the wrapper's type and initializer on the property.
import Foundation

@propertyWrapper
public struct Listed {
    let path: String

    public init(_ path: String) { self.path = path }

    public var wrappedValue: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    public var projectedValue: String? { ProcessInfo.processInfo.environment["LISTED_ROOT"] }
}
