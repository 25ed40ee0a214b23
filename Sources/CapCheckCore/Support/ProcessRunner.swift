import Foundation

/// The outcome of a finished child process.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs toolchain commands (`swift build`, `swift package …`). capcheck never runs a dependency's binaries.
public enum ProcessRunner {
    /// Runs `executable` with `arguments`, capturing both output streams.
    /// When `echoStderr` is set, the child's stderr is also copied to ours as it arrives (build progress).
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil,
        environment: [String: String]? = nil, echoStderr: Bool = false
    ) throws -> ProcessResult {
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
        do {
            try process.run()
        } catch {
            throw CapCheckError(.toolchain, "cannot run \(executable.path): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        outPipe.fileHandleForReading.readabilityHandler = nil
        errPipe.fileHandleForReading.readabilityHandler = nil
        collector.append(outPipe.fileHandleForReading.readDataToEndOfFile(), toStderr: false, echo: false)
        collector.append(errPipe.fileHandleForReading.readDataToEndOfFile(), toStderr: true, echo: echoStderr)
        let (out, err) = collector.contents()
        return ProcessResult(status: process.terminationStatus, stdout: out, stderr: err)
    }
}

/// Thread-safe accumulation of a child's two output streams.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()

    func append(_ data: Data, toStderr: Bool, echo: Bool) {
        guard !data.isEmpty else { return }
        lock.lock(); defer { lock.unlock() }
        if toStderr { err.append(data) } else { out.append(data) }
        if echo { FileHandle.standardError.write(data) }
    }

    func contents() -> (String, String) {
        lock.lock(); defer { lock.unlock() }
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
