import Foundation

/// Hands the libclang parses to the workers, the longest first (so that no core is left with one at the end): each
/// free worker takes the first source in that order that may run now. A *large* source (more than `largeBytes` of
/// preprocessed text) runs only when no other large one does.
/// libclang's memory grows with the text it parses, about 28 bytes per byte on BoringSSL's `bcm.cc` (5.8 MB of
/// text, 166 MB; every other source of vapor's graph is under 1.2 MB), so two such parses side by side would raise
/// a run's peak memory by as much as the time they save; smaller parses fill the other cores meanwhile.
package final class ParseQueue: @unchecked Sendable {  // every field is guarded by `condition`
    /// Preprocessed bytes above which a source is large: about 110 MB of libclang's memory.
    package static let largeBytes = 4 << 20

    private let condition = NSCondition()
    private var waiting: [Int]
    private let sizes: [Int]
    private var largeRunning = false

    /// The sources `0..<sizes.count`, with the size of each one's preprocessed text (0 when unknown); equal sizes
    /// in the sources' order.
    package init(sizes: [Int]) {
        waiting = sizes.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
        self.sizes = sizes
    }

    /// The next source to parse, waiting while only large ones are left and one runs; nil when every source has been
    /// taken.
    package func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if waiting.isEmpty { return nil }
            if let position = waiting.firstIndex(where: { !largeRunning || sizes[$0] <= Self.largeBytes }) {
                let number = waiting.remove(at: position)
                if sizes[number] > Self.largeBytes { largeRunning = true }
                return number
            }
            condition.wait()
        }
    }

    /// Marks a parse `take` handed out as finished.
    package func done(_ number: Int) {
        condition.lock()
        if sizes[number] > Self.largeBytes { largeRunning = false }
        condition.broadcast()
        condition.unlock()
    }
}
