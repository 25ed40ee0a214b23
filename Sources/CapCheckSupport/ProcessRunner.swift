import Foundation

/// The outcome of a finished child process.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
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

        let collector = OutputCollector()
        outPipe.fileHandleForReading.readabilityHandler = { handle in
            collector.append(handle.availableData, toStderr: false, echo: false)
        }
        errPipe.fileHandleForReading.readabilityHandler = { handle in
            collector.append(handle.availableData, toStderr: true, echo: echoStderr)
        }
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
        let timedOut = exited.wait(timeout: .now() + timeout.seconds) == .timedOut
        if timedOut {
            ChildProcesses.stop([pid], signal: SIGTERM)
            // `Process` reports the exit only once the output pipes close: a process that escaped the stop (by
            // leaving the child's group and tree before it) may hold them open.
            _ = exited.wait(timeout: .now() + 2)
        }
        ChildProcesses.finished(pid)
        outPipe.fileHandleForReading.readabilityHandler = nil
        errPipe.fileHandleForReading.readabilityHandler = nil
        if timedOut { throw timeout.expired(([executable.path] + arguments).joined(separator: " ")) }
        collector.append(outPipe.fileHandleForReading.readDataToEndOfFile(), toStderr: false, echo: false)
        collector.append(errPipe.fileHandleForReading.readDataToEndOfFile(), toStderr: true, echo: echoStderr)
        let (out, err) = collector.contents()
        return ProcessResult(status: process.terminationStatus, stdout: out, stderr: err)
    }
}

/// Thread-safe accumulation of a child's two output streams.
private final class OutputCollector: @unchecked Sendable {  // state behind `lock`
    private let lock = NSLock()
    private var out = Data(), err = Data()

    package func append(_ data: Data, toStderr: Bool, echo: Bool) {
        guard !data.isEmpty else { return }
        lock.lock(); defer { lock.unlock() }
        if toStderr { err.append(data) } else { out.append(data) }
        if echo { FileHandle.standardError.write(data) }
    }

    package func contents() -> (String, String) {
        lock.lock(); defer { lock.unlock() }
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
