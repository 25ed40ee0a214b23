import Foundation

/// Wall-clock time of each analysis stage, for `--timings` and the benchmarks (`docs/performance.md`), with the
/// process's resident and peak memory when the stage ended (stages that run side by side share one process, so a
/// stage's figures include what the others hold at that moment).
public final class StageTimings: @unchecked Sendable {  // state behind `lock`
    /// One measured stage.
    public struct Stage: Sendable {
        public let name: String
        public let seconds: Double
        /// The process's resident and peak resident memory in bytes when the stage ended (nil where unknown).
        public let memory: ProcessMemory.Usage?
    }

    private let lock = NSLock()
    private var recorded: [Stage] = []
    private var memory = false

    public init() {}

    /// Whether each stage also records the process's memory (`--timings`; off otherwise, so no run reads
    /// `/proc/self/status` for nothing).
    public var recordsMemory: Bool {
        get { lock.lock(); defer { lock.unlock() }; return memory }
        set { lock.lock(); memory = newValue; lock.unlock() }
    }

    /// The stages measured so far, in order.
    public var stages: [Stage] { lock.lock(); defer { lock.unlock() }; return recorded }

    /// Records a part of a stage measured inside it (shown after the stage that contains it).
    public func record(_ name: String, seconds: Double) {
        append(Stage(name: name, seconds: seconds, memory: recordsMemory ? ProcessMemory.usage() : nil))
    }

    /// Runs `body` and records how long it took under `name`.
    public func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { record(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    private func append(_ stage: Stage) {
        lock.lock(); recorded.append(stage); lock.unlock()
    }
}
