import Foundation

/// Standard output and standard error, written with `write(2)`. Foundation's `FileHandle.write(_:)` traps when the
/// write fails (a full disk behind `> /dev/full`, a closed pipe): a tool must say so and exit 2, not crash (found by
/// a robustness sweep: exit 132 on `capcheck check > /dev/full`).
package enum StandardStream {
    case output, error

    /// Writes `text` whole; the `errno` description of the failure, or nil when it was written.
    @discardableResult
    package func write(_ text: String) -> String? {
        let descriptor: Int32 = self == .output ? 1 : 2
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }

    /// Writes `data` whole; see `write(_:)`.
    @discardableResult
    package func write(_ data: Data) -> String? { write(String(decoding: data, as: UTF8.self)) }
}
