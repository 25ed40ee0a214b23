@testable import CapCheckCore
import XCTest

/// The `.swiftinterface` scanner on interface text shaped like the compiler prints it.
final class SwiftInterfaceScannerTests: XCTestCase {
    private let sample = #"""
    @frozen @unsafe public struct UnsafeThing<T> : @unsafe Swift.Sequence where T : ~Copyable {
      @inlinable public init(_ x: Swift.Int) {
        let s = "} { \(x) }"
        @unsafe func notAMember() {}
      }
      @frozen @unsafe public struct Iterator {
      }
    }
    extension Swift.Span where Element : ~Copyable {
      @unsafe @_alwaysEmitIntoClient public subscript(unchecked position: Swift.Span<Element>.Index) -> Element {
        get { fatalError() }
      }
      @_alwaysEmitIntoClient public subscript(position: Swift.Int) -> Element {
        get { fatalError() }
      }
      @unsafe @_alwaysEmitIntoClient public func unsafeLoad<T>(fromByteOffset offset: Swift.Int = 0, as type: T.Type) -> T
      @_alwaysEmitIntoClient @unsafe public var bytes: Swift.RawSpan {
        get { fatalError() }
      }
      @unsafe internal func hidden()
    }
    @inlinable @_transparent @unsafe public func unsafeBitCast<T, U>(_ x: T, to type: U.Type) -> U {
      return Builtin.reinterpretCast(x)
    }
    @_semantics("x") @unsafe public class func notTopLevel()
    """#

    func testFindsAttributedDeclarationsWithTheirScopesAndLabels() {
        let found = SwiftInterfaceScanner(module: "Swift", attribute: "unsafe").declarations(in: sample)
        let names = found.map { ($0.path.joined(separator: ".") + ($0.labels.map { "(\($0))" } ?? ""), $0.isType, $0.isPublic) }
        XCTAssertEqual(names.map(\.0), [
            "UnsafeThing", "UnsafeThing.Iterator", "Span.subscript(unchecked:)", "Span.unsafeLoad(fromByteOffset:as:)",
            "Span.bytes", "Span.hidden()", "unsafeBitCast(_:to:)", "notTopLevel()",
        ])
        XCTAssertEqual(names.map(\.1), [true, true, false, false, false, false, false, false])
        XCTAssertEqual(found.first { $0.path == ["Span", "hidden"] }?.isPublic, false)
    }
}
