/// Compiler flags known to make no compiler or linker load or run a program: defines, warnings, optimisation, language
/// modes and features, target CPU. An `unsafeFlags` setting with any other flag is build-time code
/// (`Target.runsProgramsAtBuildTime`): sound over precise, since the ways a flag can run a program are many
/// (`-load-plugin-executable`, `-fplugin=`, `-B<dir>`, `-fuse-ld=`, `-driver-use-frontend-path`,
/// `-Xclang-linker --gcc-toolchain=<dir>`, `-sdk`, a response file `@file`, …) and only a few flags are common.
enum QuietFlags {
    /// Flags quiet by themselves.
    static let exact: Set<String> = [
        "-w", "-O", "-g", "-g0", "-gline-tables-only", "-Werror", "-warnings-as-errors", "-no-warnings-as-errors", "-suppress-warnings",
        "-warn-concurrency", "-enable-testing", "-enable-library-evolution", "-enable-bare-slash-regex", "-enable-actor-data-race-checks",
        "-cross-module-optimization", "-wmo", "-whole-module-optimization", "-parse-as-library", "-pthread", "-ffast-math", "-fPIC",
        "-fpic", "-fobjc-arc", "-fblocks", "-fmodules", "-fcxx-modules", "-fexceptions", "-fcxx-exceptions", "-frtti", "-funroll-loops",
        "-ffunction-sections", "-fdata-sections",
        // Front-end diagnostics packages turn on (swift-log's `-Xfrontend -require-explicit-sendable`).
        "-require-explicit-sendable", "-require-explicit-availability", "-warn-implicit-overrides", "-strict-memory-safety",
        "-disable-availability-checking", "-enable-experimental-concurrency", "-warn-redundant-requirements",
    ]
    /// Flags quiet whatever follows them in the same argument: `-DNAME=1`, `-Wno-unused`, `-O2`, `-march=native`.
    static let prefixes = [
        "-D", "-U", "-O", "-W", "-std=", "-march=", "-mcpu=", "-mtune=", "-fno-", "-fvisibility=", "-strict-concurrency=",
        "-enforce-exclusivity=", "-warn-long-function-bodies=", "-warn-long-expression-type-checking=",
    ]
    /// Prefixes of `prefixes` that hand flags to another tool: `-Wl,`, `-Wa,`, `-Wp,`.
    static let handingOn = ["-Wl,", "-Wa,", "-Wp,"]
    /// Quiet flags whose value is the next argument.
    static let withValue: Set<String> = ["-D", "-U", "-enable-experimental-feature", "-enable-upcoming-feature", "-swift-version"]
    /// Flags that hand the next argument to the compiler's front end; it is judged as a flag of its own.
    static let forwarding: Set<String> = ["-Xcc", "-Xfrontend", "-Xclang"]

    /// Whether every flag of `flags` is quiet (a value a flag takes included).
    static func allQuiet(_ flags: [String]) -> Bool {
        var index = flags.startIndex
        while index < flags.endIndex {
            let flag = flags[index]
            index += 1
            if forwarding.contains(flag) {
                // The forwarded argument is judged alone, and a flag of it that takes a value takes the next argument
                // the tool itself is given, never the one that follows here (`-Xfrontend -D -load-pass-plugin=…` gives
                // the driver `-load-pass-plugin=…`: the fifteenth sweep's).
                guard index < flags.endIndex else { return false }
                let forwarded = flags[index]
                index += 1
                guard withValue.contains(forwarded) || isQuiet(forwarded) else { return false }
                continue
            }
            if withValue.contains(flag) {
                guard index < flags.endIndex else { return false }
                index += 1
                continue
            }
            guard isQuiet(flag) else { return false }
        }
        return true
    }

    /// Whether one flag is quiet by itself.
    static func isQuiet(_ flag: String) -> Bool {
        if exact.contains(flag) { return true }
        if handingOn.contains(where: flag.hasPrefix) { return false }
        return prefixes.contains { flag.hasPrefix($0) && flag.count > $0.count }
    }
}
