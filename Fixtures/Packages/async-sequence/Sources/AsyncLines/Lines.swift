// capcheck: `for await line in Lines()` calls `makeAsyncIterator()` and then the iterator's `next()`; the loop names
// neither.
import Foundation

public struct Lines: AsyncSequence {
    public typealias Element = String

    public init() {}

    public struct AsyncIterator: AsyncIteratorProtocol {
        var done = false

        public mutating func next() async -> String? {
            if done { return nil }
            done = true
            return ProcessInfo.processInfo.environment["LINES"]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator() }
}
