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

/// Runs two independent pieces of work at once (the first on this thread, the second on a global queue) and
/// returns both results; rethrows the first one's error, else the second's. The work must not share mutable
/// state. (Not `concurrentPerform`: a `concurrentPerform` nested in one runs on a single thread, and both pieces
/// spread their own work over the cores.)
func concurrently<A, B, E: Error>(_ first: () throws(E) -> A, _ second: () throws(E) -> B) throws(E) -> (A, B) {
    let results = withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let job = BackgroundJob(second)
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                job.run()  // drops the closure before signalling: it must not outlive `withoutActuallyEscaping`
                done.signal()
            }
            let a = Result { try first() }
            done.wait()
            return (a, job.result!)
        }
    }
    do {
        return (try results.0.get(), try results.1.get())
    } catch {
        throw error as! E  // only `first` and `second` throw, and they throw E
    }
}

/// Work handed to another thread; `concurrently` reads `result` only after `run` has returned.
private final class BackgroundJob<T>: @unchecked Sendable {
    private var body: (() throws -> T)?
    private(set) var result: Result<T, Error>?

    init(_ body: @escaping () throws -> T) { self.body = body }

    func run() {
        result = Result { try body!() }
        body = nil
    }
}
