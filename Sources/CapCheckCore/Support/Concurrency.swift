import Foundation

/// Fixed-size, lock-protected storage for results computed concurrently.
final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<T, Error>) {
        lock.lock(); slots[index] = value; lock.unlock()
    }

    var values: [Result<T, Error>?] { lock.lock(); defer { lock.unlock() }; return slots }
}

/// Runs two independent pieces of work at once (one on this thread, one on another core) and returns both
/// results; rethrows the first one's error, else the second's. The work must not share mutable state.
func concurrently<A, B, E: Error>(_ first: () throws(E) -> A, _ second: () throws(E) -> B) throws(E) -> (A, B) {
    let results = withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let work = UncheckedSendable((first, second))
            let a = ResultSlots<A>(count: 1), b = ResultSlots<B>(count: 1)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 { a.set(0, Result { try work.value.0() }) } else { b.set(0, Result { try work.value.1() }) }
            }
            return (a.values[0]!, b.values[0]!)
        }
    }
    do {
        return (try results.0.get(), try results.1.get())
    } catch {
        throw error as! E  // only `first` and `second` throw, and they throw E
    }
}

/// Hands a value to another thread when the caller guarantees it is not used by two threads at once.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
