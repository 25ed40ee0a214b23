import Foundation
import PackagePlugin

/// `swift package capcheck [subcommand] [options]`: builds the package through SwiftPM (debug, which writes the index
/// store), then runs the `capcheck` tool on that store with `--skip-build`. The tool first checks the build-time code
/// (`check --build-time-only`, or `audit --build-time-only` for the other subcommands), and nothing is built when a
/// plugin or macro lacks its `build` grant. The exit status is the tool's: 0 no violations, 1 violations, 2 usage,
/// configuration, build or tool error.
///
/// A thin shell: it reads no argument itself. It hands its arguments, with what SwiftPM told it (the package's folder
/// and name, its own work folder, from which the scratch folder follows), to `capcheck plugin-plan`, which answers
/// with the steps to run (or a refusal, said as an error). The decisions live in the `CapCheckPluginSupport` library,
/// which the tool links and the tests cover; a plugin cannot link a library itself (see `PluginPlan` there). What is
/// left here is what only a plugin can do: ask SwiftPM to build, and run the tool with its output forwarded.
@main
struct CapCheckPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "capcheck").url
        let request = ["plugin-plan", "--package-path", context.package.directoryURL.path,
                       "--package-name", context.package.displayName,
                       "--plugin-work-directory", context.pluginWorkDirectoryURL.path, "--"] + arguments
        let (planned, output) = try run(tool, request, captureOutput: true)
        guard planned == 0 else { exit(planned) }  // the refusal was said as an error
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: output)
        } catch {
            Diagnostics.error("capcheck: the capcheck tool's plan could not be read (\(error)); are the plugin and the tool from the same capcheck?")
            exit(2)
        }
        for step in plan.steps {
            switch step.kind {
            case "preCheck":
                let (status, report) = try run(tool, step.arguments ?? [], captureOutput: true)
                if status != 0 {
                    FileHandle.standardOutput.write(report)
                    exit(status)
                }
            case "build":
                if let progress = step.progress { Diagnostics.progress(progress) }
                let result = try packageManager.build(.all(includingTests: step.includeTests ?? false),
                                                      parameters: .init(configuration: .debug, logging: .concise))
                guard result.succeeded else {
                    FileHandle.standardError.write(Data(result.logText.utf8))
                    Diagnostics.error(step.failure ?? "capcheck: the build failed")
                    exit(2)
                }
            case "run":
                let (status, _) = try run(tool, step.arguments ?? [], captureOutput: false)
                exit(status)
            default:
                Diagnostics.error("capcheck: the capcheck tool's plan has a step \(step.kind) this plugin does not know; are the plugin and the tool from the same capcheck?")
                exit(2)
            }
        }
    }

    /// `CapCheckPluginSupport.PluginPlan` as its JSON reads (the plugin cannot import the library).
    private struct Plan: Decodable {
        struct Step: Decodable {
            let kind: String
            let arguments: [String]?
            let includeTests: Bool?
            let progress: String?
            let failure: String?
        }

        let steps: [Step]
    }

    /// Runs the tool; returns its exit status and, with `captureOutput`, its standard output (else it goes straight
    /// to the plugin's).
    private func run(_ tool: URL, _ arguments: [String], captureOutput: Bool) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
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
