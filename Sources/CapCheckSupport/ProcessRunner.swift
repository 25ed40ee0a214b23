import Foundation

/// The outcome of a finished child process.
public struct ProcessResult: Sendable {
    public let status: Int32
    /// Standard output as bytes (`stdout` is its UTF-8 text).
    public let stdoutData: Data
    public let stderr: String

    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
}

/// Runs toolchain commands (`swift build`, `swift package …`). capcheck never runs a dependency's binaries.
///
/// Each child runs in a process group of its own and is known to `ChildProcesses`, so that an interrupt stops it
/// with everything it started; so does running out of time (`ChildTimeout`).
public enum ProcessRunner {
    /// Runs `executable` with `arguments`, capturing both output streams.
    /// When `echoStderr` is set, the child's stderr is also copied to ours as it arrives (build progress).
    /// `timeout` defaults to `ChildTimeout.configured()` (`CAPCHECK_CHILD_TIMEOUT`).
    /// - Throws: `CapCheckError(.toolchain, …)` when the child cannot start or runs out of time.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil,
        environment: [String: String]? = nil, echoStderr: Bool = false, timeout: ChildTimeout? = nil
    ) throws -> ProcessResult {
        let timeout = try timeout ?? ChildTimeout.configured()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice

        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let pid: pid_t
        do {
            pid = try ChildProcesses.launch {
                try process.run()
                return process.processIdentifier
            }
        } catch {
            throw CapCheckError(.toolchain, "cannot run \(executable.path): \(error.localizedDescription)")
        }
        // One thread per stream reads it to its end, so each stream's chunks are kept in the order they came. (With
        // `readabilityHandler`, a handler still reading when the process ended raced the final read of the rest,
        // and a chunk could land after the ones that followed it: a JSON document from `swift package describe`
        // came back unparsable on a loaded machine.)
        let out = StreamDrain(outPipe.fileHandleForReading, echo: false)
        let err = StreamDrain(errPipe.fileHandleForReading, echo: echoStderr)
        let timedOut = exited.wait(timeout: .now() + timeout.seconds) == .timedOut
        if timedOut {
            ChildProcesses.stop([pid], signal: SIGTERM)
            // `Process` reports the exit only once the output pipes close: a process that escaped the stop (by
            // leaving the child's group and tree before it) may hold them open.
            _ = exited.wait(timeout: .now() + 2)
        }
        ChildProcesses.finished(pid)
        if timedOut { throw timeout.expired(([executable.path] + arguments).joined(separator: " ")) }
        // Each stream ends when the last process holding it (the child, or something it left running) closes it.
        return ProcessResult(status: process.terminationStatus, stdoutData: out.wait(),
                             stderr: String(decoding: err.wait(), as: UTF8.self))
    }
}

/// One output stream of a child, read to its end on a thread of its own (and copied to our stderr as it comes, with
/// `echo`).
private final class StreamDrain: @unchecked Sendable {  // `data` is written by the thread, read after `done`
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle, echo: Bool) {
        Thread { [self] in
            while case let chunk = handle.availableData, !chunk.isEmpty {
                data.append(chunk)
                if echo { StandardStream.error.write(chunk) }
            }
            done.signal()
        }.start()
    }

    /// Everything the stream carried, once it has ended.
    func wait() -> Data {
        done.wait()
        return data
    }
}
