import CapCheckSupport
import CapCheckModel
import Foundation

/// Runs the build that writes the index store (debug, or release with `--enable-index-store`), and finds the store.
public struct PackageBuilder {
    public let toolchain: Toolchain
    public let packagePath: URL
    public let scratchPath: URL
    /// Use exactly the versions in Package.resolved and fail if it is out of date (for `diff --base`).
    public var onlyResolvedVersions = false
    /// Build under bubblewrap (`BuildSandbox`): no network, writes only to the scratch folder.
    public var sandbox = false
    /// Make SwiftPM plan the build afresh. Its plan is redone when the root package's files or manifest change, not
    /// when a file is added to, removed from or renamed in a dependency: the old plan then compiles no new file and
    /// fails on a removed one ("missing inputs"). Set when the package graph changed since capcheck last saw it.
    public var replan = false
    /// The configuration to build; debug indexes by default, release is told to.
    public var configuration: BuildConfiguration = .debug

    public init(toolchain: Toolchain, packagePath: URL, scratchPath: URL) {
        self.toolchain = toolchain
        self.packagePath = packagePath
        self.scratchPath = scratchPath
    }

    /// Builds the root package (and `--build-tests` when `includeTests`) in `configuration`, indexing every target of
    /// the graph. A failure throws with the compiler's errors summarised.
    public func build(includeTests: Bool, echoProgress: Bool) throws {
        var arguments = ["build", "--package-path", packagePath.path, "--scratch-path", scratchPath.path, "-c", configuration.rawValue]
        if configuration == .release { arguments.append("--enable-index-store") }
        if includeTests { arguments.append("--build-tests") }
        if onlyResolvedVersions { arguments.append("--force-resolved-versions") }
        var command = (executable: toolchain.swiftExecutable, arguments: arguments)
        if sandbox {
            command = try BuildSandbox.locate().wrap(toolchain.swiftExecutable, arguments, scratch: scratchPath, package: packagePath)
        }
        if replan { try? FileManager.default.removeItem(at: scratchPath.appendingPathComponent("\(configuration.rawValue).yaml")) }
        let result = try ProcessRunner.run(command.executable, command.arguments, environment: toolchain.driverEnvironment(),
                                           echoStderr: echoProgress)
        guard result.status == 0 else {
            throw CapCheckError(.build, """
                the build of \(packagePath.path) failed (exit \(result.status))\(sandbox ? " in the sandbox (--sandbox)" : ""):
                \(Self.summarizeErrors(stdout: result.stdout, stderr: result.stderr))
                \(sandbox ? "Under --sandbox, build-time code (plugins, macros) that writes outside the scratch folder or uses the network fails. " : "")Fix the build errors above, then run capcheck again.
                """)
        }
    }

    /// The index store the build wrote (`<scratch>/debug/index/store`, a link to `<scratch>/<triple>/debug/…`; `release/…`).
    public var indexStorePath: URL {
        scratchPath.appendingPathComponent("\(configuration.rawValue)/index/store")
    }

    /// The compiler's `error:` lines (at most 20), or the tail of the output when there are none.
    package static func summarizeErrors(stdout: String, stderr: String) -> String {
        let lines = (stdout + "\n" + stderr).split(separator: "\n", omittingEmptySubsequences: true)
        let errors = lines.filter { $0.contains("error:") }
        var seen = Set<Substring>()
        let unique = errors.filter { seen.insert($0).inserted }
        let chosen = unique.isEmpty ? Array(lines.suffix(15)) : Array(unique.prefix(20))
        var summary = chosen.map { "  " + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
        if unique.count > 20 { summary += "\n  … and \(unique.count - 20) more errors" }
        return summary
    }
}
