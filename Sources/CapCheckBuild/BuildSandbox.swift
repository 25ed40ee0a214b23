import CapCheckSupport
import CapCheckModel
import Foundation

/// Runs the indexing build under bubblewrap (`bwrap`), so that what the build runs (build-tool plugins, the tools
/// they start, macros in the compiler) has no network and can write only to the scratch folder:
///
/// - the whole file system is mounted read-only, `/dev` and `/proc` are the sandbox's own;
/// - the scratch folder is the one writable bind mount; `/tmp` and `~/.cache` (SwiftPM's and clang's caches) are
///   private, empty and discarded afterwards;
/// - network, IPC, PID and host-name namespaces are the sandbox's own (`--unshare-net`: only a loopback that is
///   down), and the build gets a new session (no terminal to inject input into);
/// - the sandbox dies with capcheck.
///
/// Linux only. `CAPCHECK_BWRAP` names the `bwrap` to use, else the one on `PATH`.
public struct BuildSandbox: Sendable {
    public let bwrap: URL

    /// Finds `bwrap`, or says how to get it.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BuildSandbox {
        #if !os(Linux)
        throw CapCheckError(.usage, "--sandbox uses bubblewrap, which exists on Linux only; drop --sandbox on this system")
        #else
        if let override = EnvironmentOverride("CAPCHECK_BWRAP", in: environment) {
            let bwrap = try override.file(executable: true, expected: "the path of bubblewrap's `bwrap`",
                                          otherwise: "use the `bwrap` on PATH")
            return BuildSandbox(bwrap: URL(fileURLWithPath: bwrap))
        }
        guard let found = Toolchain.findOnPath("bwrap", path: environment["PATH"] ?? "") else {
            throw CapCheckError(.toolchain, """
                --sandbox needs bubblewrap (`bwrap`), which is not on PATH; install it (Debian and Ubuntu: \
                `apt-get install bubblewrap`), set CAPCHECK_BWRAP to its path, or drop --sandbox
                """)
        }
        return BuildSandbox(bwrap: found)
        #endif
    }

    /// The command that runs `executable arguments` inside the sandbox, with `scratch` (created if missing) writable.
    /// `package` stays visible (read-only) even when it lives under a folder the sandbox replaces with an empty
    /// private one (`/tmp`, `~/.cache`): the top folder of it under that location is bound back, so local path
    /// dependencies beside the package are visible too.
    public func wrap(_ executable: URL, _ arguments: [String], scratch: URL, package: URL? = nil,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (executable: URL, arguments: [String]) {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var hidden = ["/tmp"]
        if let home = environment["HOME"], !home.isEmpty {
            let cache = URL(fileURLWithPath: home).appendingPathComponent(".cache").path
            if FileManager.default.fileExists(atPath: cache) { hidden.append(cache) }
        }
        var sandbox = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
        for folder in hidden { sandbox += ["--tmpfs", folder] }
        if let package = package?.resolvingSymlinksInPath().path {
            for folder in hidden where package.hasPrefix(folder + "/") {
                let top = folder + "/" + package.dropFirst(folder.count + 1).split(separator: "/")[0]
                sandbox += ["--ro-bind", top, top]
            }
        }
        let writable = scratch.resolvingSymlinksInPath().path
        sandbox += ["--bind", writable, writable,
                    "--unshare-net", "--unshare-ipc", "--unshare-pid", "--unshare-uts", "--new-session", "--die-with-parent",
                    "--setenv", "TMPDIR", "/tmp", "--", executable.path]
        return (bwrap, sandbox + arguments)
    }

    package init(bwrap: URL) {
        self.bwrap = bwrap
    }
}
