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

/// A wrapper for function parameters: a call passes the wrapped value through `init(wrappedValue:)`, and reading the
/// parameter in the body runs `wrappedValue`'s getter; neither is a call expression.
@propertyWrapper
public struct Checked {
    let path: String

    public init(wrappedValue: String) { path = wrappedValue }

    public var wrappedValue: String {
        FileManager.default.isReadableFile(atPath: path) ? path : ""
    }
}

/// The parameter's wrapper runs when `readable(path:)` reads `path`.
public func readable(@Checked path: String) -> String { path }
