import Foundation

/// The temporary files (and folders) capcheck has created and not yet renamed or deleted, so that an interrupted
/// run (`Interrupts`) deletes them and leaves none behind. A path is registered from before it exists until after
/// it is gone; `write(_:to:)` does that for the usual case, an atomic write of a cache file.
public final class TemporaryFiles: @unchecked Sendable {  // state behind `state` (Locked)
    /// The registry the interrupt handling empties.
    public static let shared = TemporaryFiles()

    private struct State {
        package var paths = Set<String>()
        /// Set by `removeAll`: a file registered later could outlive the run, so registering waits for the exit.
        package var closed = false
    }

    private let state = Locked(State())

    public init() {}

    /// Records `path` as a temporary file or folder of this run; register before creating it.
    public func register(_ path: String) {
        let registered = state.withLock { state in
            if !state.closed { state.paths.insert(path) }
            return !state.closed
        }
        if !registered { Interrupts.waitForExit() }
    }

    /// Forgets `path` once the file is renamed or deleted.
    public func unregister(_ path: String) {
        _ = state.withLock { $0.paths.remove(path) }
    }

    /// Writes `data` to `url` atomically: into `<url>.tmp-<pid>-<random>` beside it, created and registered in one
    /// step, then renamed over `url`.
    public func write(_ data: Data, to url: URL) throws {
        try data.withUnsafeBytes { try write([$0], to: url) }
    }

    /// Writes `parts`, one after the other, to `url` atomically (as `write(_:to:)`), without joining them first.
    package func write(_ parts: [UnsafeRawBufferPointer], to url: URL) throws {
        let temporary = "\(url.path).tmp-\(getpid())-\(String(UInt64.random(in: .min ... .max), radix: 36))"
        let opened = state.withLock { state -> Result<Int32, POSIXError>? in
            guard !state.closed else { return nil }
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { return .failure(Self.lastError()) }
            state.paths.insert(temporary)
            return .success(descriptor)
        }
        guard let opened else { Interrupts.waitForExit() }
        let descriptor = try opened.get()
        defer { unregister(temporary) }
        do {
            defer { close(descriptor) }
            for part in parts {
                var offset = 0
                while offset < part.count {
                    let written = Foundation.write(descriptor, part.baseAddress! + offset, part.count - offset)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { throw Self.lastError() }
                    offset += written
                }
            }
            guard fsync(descriptor) == 0 else { throw Self.lastError() }  // on disk before the rename: a crash leaves the old file or the new one, whole
            guard rename(temporary, url.path) == 0 else { throw Self.lastError() }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Deletes every registered file and folder; from then on, registering waits for the exit. Called once, on an
    /// interrupt.
    package func removeAll() {
        let paths = state.withLock { state in
            state.closed = true
            return state.paths
        }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    private static func lastError() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }

    /// The registered paths (for tests).
    package var registered: Set<String> { state.withLock { $0.paths } }
}
