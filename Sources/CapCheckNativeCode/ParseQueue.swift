import Foundation

/// Hands the libclang parses to the workers, the longest first (so that no core is left with one at the end): each
/// free worker takes the first source in that order that may run now. At most `largeAtOnce` *large* sources (more
/// than `largeBytes` of preprocessed text) run at once.
/// libclang's memory grows with the text it parses, about 28 bytes per byte on BoringSSL's `bcm.cc` (5.8 MB of
/// text, 166 MB; every other source of vapor's graph is under 1.2 MB). The parses run before the index records are
/// read (`NativeCodeAnalyzer.parsesSources`), never beside the call graph, so two of them side by side cost little of
/// the memory budget; more (on a machine with more cores) would each add as much again, and smaller parses fill the
/// other cores meanwhile.
package final class ParseQueue: @unchecked Sendable {  // every field is guarded by `condition`
    /// Preprocessed bytes above which a source is large: about 110 MB of libclang's memory.
    package static let largeBytes = 4 << 20

    private let condition = NSCondition()
    private var waiting: [Int]
    private let sizes: [Int]
    private let largeAtOnce: Int
    private var largeRunning = 0

    /// The sources `0..<sizes.count`, with the size of each one's preprocessed text (0 when unknown); equal sizes
    /// in the sources' order. Side by side on vapor's graph, the two `bcm.cc` took 4.9–5.3 s against 7.1–7.3 s one
    /// after the other, and the cold run's peak went from 340–346 to 358–360 MB.
    package init(sizes: [Int], largeAtOnce: Int = 2) {
        waiting = sizes.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
        self.sizes = sizes
        self.largeAtOnce = max(1, largeAtOnce)
    }

    /// The next source to parse, waiting while only large ones are left and `largeAtOnce` of them run; nil when every
    /// source has been taken.
    package func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if waiting.isEmpty { return nil }
            if let position = waiting.firstIndex(where: { largeRunning < largeAtOnce || sizes[$0] <= Self.largeBytes }) {
                let number = waiting.remove(at: position)
                if sizes[number] > Self.largeBytes { largeRunning += 1 }
                return number
            }
            condition.wait()
        }
    }

    /// Marks a parse `take` handed out as finished.
    package func done(_ number: Int) {
        condition.lock()
        if sizes[number] > Self.largeBytes { largeRunning -= 1 }
        condition.broadcast()
        condition.unlock()
    }
}
