import Foundation
import PackagePlugin

/// `swift package capcheck [subcommand] [options]`: builds the package through SwiftPM (debug, which writes
/// the index store), then runs the `capcheck` tool on that store with `--skip-build`. The tool first checks the
/// build-time code (`check --build-time-only`, or `audit --build-time-only` for the other subcommands), and nothing
/// is built when a plugin or macro lacks its `build` grant. The exit status is the tool's: 0 no violations,
/// 1 violations, 2 usage, configuration, build or tool error.
@main
struct CapCheckPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let invocation: PluginInvocation
        do {
            invocation = try PluginInvocation(arguments: arguments)
        } catch let error as PluginInvocation.Refusal {
            Diagnostics.error(error.message)
            exit(2)
        }
        // The plugin's work folder is `<scratch>/plugins/<plugin>/outputs`: the scratch folder is three levels up,
        // also when the user passed `--scratch-path` to `swift package`.
        let scratch = context.pluginWorkDirectoryURL
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tool = try context.tool(named: "capcheck").url
        let packagePath = context.package.directoryURL.path
        if invocation.needsBuild {
            // The build runs the graph's build-tool plugins and macros: first make sure each has its `build` grant,
            // and refuse (printing that check's report or error) before anything runs.
            let preCheck = invocation.buildTimeCheckArguments(packagePath: packagePath, scratchPath: scratch.path)
            let (status, report) = try run(tool, preCheck, captureOutput: true)
            if status != 0 {
                FileHandle.standardOutput.write(report)
                exit(status)
            }
            if !invocation.quiet { Diagnostics.progress("capcheck: building \(context.package.displayName) (debug, indexing every target)…") }
            let result = try packageManager.build(
                .all(includingTests: invocation.includeTests),
                parameters: .init(configuration: .debug, logging: .concise))
            guard result.succeeded else {
                FileHandle.standardError.write(Data(result.logText.utf8))
                Diagnostics.error("capcheck: the build of \(context.package.displayName) failed; fix the errors above, then run `swift package capcheck` again")
                exit(2)
            }
        }
        let (status, _) = try run(tool, invocation.toolArguments(packagePath: packagePath, scratchPath: scratch.path), captureOutput: false)
        exit(status)
    }

    /// Runs the tool; returns its exit status and, with `captureOutput`, its standard output (else it goes straight
    /// to the plugin's).
    private func run(_ tool: URL, _ arguments: [String], captureOutput: Bool) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CAPCHECK_SWIFTPM_LOCK_HELD"] = "1"
        process.environment = environment
        let output = Pipe()
        if captureOutput { process.standardOutput = output }
        // SwiftPM prints a plugin's own standard error to standard output, which would spoil machine formats: the
        // tool's standard error goes through SwiftPM's diagnostics instead, line by line as it comes.
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Read standard output on another thread, so that neither pipe can fill up and stall the tool.
        let captured = OutputBox()
        let read = DispatchSemaphore(value: 0)
        if captureOutput {
            Thread {
                captured.data = output.fileHandleForReading.readDataToEndOfFile()
                read.signal()
            }.start()
        }
        var pending = Data()
        while case let chunk = errors.fileHandleForReading.availableData, !chunk.isEmpty {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                forward(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
        }
        if !pending.isEmpty { forward(String(decoding: pending, as: UTF8.self)) }
        process.waitUntilExit()
        if captureOutput { read.wait() }
        return (process.terminationStatus, captured.data)
    }

    /// One line of the tool's standard error as a SwiftPM diagnostic: its errors as errors, the rest as progress.
    private func forward(_ line: String) {
        if line.hasPrefix("error: ") {
            Diagnostics.error(String(line.dropFirst("error: ".count)))
        } else if !line.isEmpty {
            Diagnostics.progress(line)
        }
    }
}

/// Standard output collected by the reader thread.
private final class OutputBox: @unchecked Sendable {
    var data = Data()
}
