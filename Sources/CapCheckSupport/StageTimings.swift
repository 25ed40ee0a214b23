import Foundation

/// Wall-clock time of each analysis stage, for `--timings` and the benchmarks (`docs/performance.md`).
public final class StageTimings: @unchecked Sendable {  // state behind `lock`
    private let lock = NSLock()
    private var recorded: [(name: String, seconds: Double)] = []

    public init() {}

    /// The stages measured so far, in order.
    public var stages: [(name: String, seconds: Double)] { lock.lock(); defer { lock.unlock() }; return recorded }

    /// Records a part of a stage measured inside it (shown after the stage that contains it).
    public func record(_ name: String, seconds: Double) {
        lock.lock(); recorded.append((name, seconds)); lock.unlock()
    }

    /// Runs `body` and records how long it took under `name`.
    public func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.lock(); recorded.append((name, seconds)); lock.unlock()
        }
        return try body()
    }
}
