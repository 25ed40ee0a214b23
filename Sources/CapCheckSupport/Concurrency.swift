import Foundation

/// Fixed-size storage for values computed concurrently, one slot each.
package final class ConcurrentSlots<T>: @unchecked Sendable {  // slots behind Locked
    private let slots: Locked<[T?]>

    package init(count: Int) { slots = Locked(Array(repeating: nil, count: count)) }

    package func set(_ index: Int, _ value: T) { slots.withLock { $0[index] = value } }

    package var values: [T?] { slots.withLock { $0 } }
}

/// A value shared by threads, changed only under its lock.
package final class Locked<T>: @unchecked Sendable {  // value behind `lock`
    private let lock = NSLock()
    private var value: T

    package init(_ value: T) { self.value = value }

    package func withLock<R>(_ body: (inout T) -> R) -> R {
        lock.lock(); defer { lock.unlock() }
        return body(&value)
    }
}

/// `transform` of every index in `0..<count`, spread over the cores; the results in index order. (Work that can
/// fail returns a `Result`.) The indices go out in contiguous runs, about 32 per core, so that cheap work on many
/// indices (one per graph node) is not dominated by handing it out, and uneven work still balances.
package func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    let runs = min(count, 32 * ProcessInfo.processInfo.activeProcessorCount)
    guard runs > 1 else { return (0..<count).map(transform) }
    return withoutActuallyEscaping(transform) { transform in
        let work = UncheckedSendable(transform)
        let results = ConcurrentSlots<[T]>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            results.set(run, (count * run / runs..<count * (run + 1) / runs).map(work.value))
        }
        return results.values.flatMap { $0! }
    }
}

/// Runs two independent pieces of work at once (the first on this thread, the second on a global queue) and
/// returns both results; rethrows the first one's error, else the second's. The work must not share mutable
/// state. (Not `concurrentPerform`: a `concurrentPerform` nested in one runs on a single thread, and both pieces
/// spread their own work over the cores.)
package func concurrently<A, B: Sendable, E: Error>(_ first: () throws(E) -> A, _ second: @Sendable () throws(E) -> B) throws(E) -> (A, B) {
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

/// Drops `value` on a background queue. The teardown of a large analysis (hundreds of thousands of nodes, edge
/// lists and strings, tens of milliseconds on vapor's graph) then overlaps writing the report instead of delaying
/// it; a process that exits first skips it. The caller must not use `value` again (pass it with `consume`).
package func releaseInBackground<T>(_ value: consuming T) {
    let box = UncheckedSendable(value)
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
}

/// A value used by several threads where the caller guarantees it is safe (a closure run by `concurrentPerform`).
private struct UncheckedSendable<T>: @unchecked Sendable {  // see above: the caller guarantees it
    package let value: T
    package init(_ value: T) { self.value = value }
}

/// Work handed to another thread; `concurrently` reads `result` only after `run` has returned.
private final class BackgroundJob<T>: @unchecked Sendable {  // `result` read only after `run` returned (a semaphore)
    private var body: (() throws -> T)?
    package private(set) var result: Result<T, Error>?

    package init(_ body: @escaping () throws -> T) { self.body = body }

    package func run() {
        result = Result { try body!() }
        body = nil
    }
}

/// Writes that may go on while other work runs (a cache file), and are waited for before their results are needed
/// or the process ends (`waitForAll`).
public final class BackgroundWrites: Sendable {
    private let group = DispatchGroup()

    public init() {}

    /// Starts `write` on another thread.
    package func start(_ write: @escaping @Sendable () -> Void) {
        DispatchQueue.global().async(group: group, execute: write)
    }

    /// Returns when every write started so far has finished.
    public func waitForAll() { group.wait() }
}
